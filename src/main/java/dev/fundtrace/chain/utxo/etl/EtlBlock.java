package dev.fundtrace.chain.utxo.etl;

/** One row of a blocks file; {@code timestamp} and {@code transactionCount} are -1 when absent. */
record EtlBlock(long number, long timestamp, long transactionCount, RowPlace place) {}
