package dev.fundtrace.chain.utxo.etl;

/**
 * An accepted transaction while the export is resolved: its outputs (what children compare against; the rest of
 * its row is not kept), its ledger ids once added, and which of its outputs are spent.
 */
final class TxRecord {
    final EtlOutput[] outputs;
    final int position;
    final boolean[] spent;
    int ledgerTx = -1;
    int outputStart = -1;

    TxRecord(EtlTransaction row, int position) {
        this.outputs = row.outputs();
        this.position = position;
        this.spent = new boolean[row.outputs().length];
    }
}
