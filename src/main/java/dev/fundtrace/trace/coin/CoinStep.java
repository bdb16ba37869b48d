package dev.fundtrace.trace.coin;

/** One step of a coin path: transaction {@code tx} spent coin {@code spent} and created coin {@code created}. */
record CoinStep(int tx, int spent, int created) {}
