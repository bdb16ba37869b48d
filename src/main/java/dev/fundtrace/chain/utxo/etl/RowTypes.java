package dev.fundtrace.chain.utxo.etl;

/** The {@code type} a row may carry (stream output), checked against what its file holds. */
final class RowTypes {
    static final String BLOCK = "block";
    static final String TRANSACTION = "transaction";

    private RowTypes() {}

    /** Refuses a row whose stated type is not the one its file (or its own peeked type) says. */
    static void check(String stated, String expected) throws BadRow {
        if (stated != null && !stated.equals(expected)) {
            throw new BadRow("type is \"" + stated + "\", but this row is read as a " + expected);
        }
    }
}
