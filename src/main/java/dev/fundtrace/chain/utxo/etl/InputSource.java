package dev.fundtrace.chain.utxo.etl;

/** Where an accepted input's coin comes from, as the resolver decided. */
sealed interface InputSource {

    /** Output {@code vout} of a loaded transaction. */
    record Loaded(TxRecord parent, int vout) implements InputSource {}

    /** A coin from before the export (or of a refused row): value and holder from the input's own enrichment. */
    record External(Txid txid, int vout, long value, String holder) implements InputSource {}

    /** A Zcash shielded input: a clean value without holder or outpoint. */
    record Shielded(long value) implements InputSource {}

    record Outpoint(Txid txid, int vout) {}
}
