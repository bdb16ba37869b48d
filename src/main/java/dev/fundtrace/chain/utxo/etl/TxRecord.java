package dev.fundtrace.chain.utxo.etl;

/**
 * An accepted transaction while the export is resolved: its row (the outputs children compare against), its
 * ledger ids once added, and which of its outputs are spent.
 */
final class TxRecord {
    final EtlTransaction row;
    final int position;
    final boolean[] spent;
    int ledgerTx = -1;
    int outputStart = -1;

    TxRecord(EtlTransaction row, int position) {
        this.row = row;
        this.position = position;
        this.spent = new boolean[row.outputs().length];
    }
}
