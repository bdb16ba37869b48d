package dev.fundtrace.chain.utxo.etl;

/** A row that is refused whole, with one plain sentence saying why. Thrown often: no stack trace. */
final class BadRow extends Exception {
    BadRow(String reason) {
        super(reason, null, false, false);
    }
}
