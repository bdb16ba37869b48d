package dev.fundtrace.chain.utxo.etl;

/**
 * Where a row was read: its chunk (chunks are numbered in file order), its 0-based line inside the chunk, and
 * its byte range in the (decompressed) file, so that a row refused late can be re-read instead of kept.
 */
record RowPlace(int chunk, int line, long offset, int length) {}
