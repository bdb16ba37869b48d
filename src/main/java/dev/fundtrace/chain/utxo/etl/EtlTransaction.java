package dev.fundtrace.chain.utxo.etl;

/**
 * One row of a transactions file, checked on its own. {@code index} and {@code time} (unix seconds) are -1
 * when absent; input_value, output_value and fee are never kept (they are recomputed).
 */
record EtlTransaction(Txid hash, long block, long index, long time, boolean coinbase, EtlInput[] inputs,
                      EtlOutput[] outputs, RowPlace place) {}
