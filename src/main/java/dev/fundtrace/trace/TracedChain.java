package dev.fundtrace.trace;

import dev.fundtrace.labels.LabelBook;

import java.util.List;

/**
 * One chain's trace as the steps after it see it, whatever its family: what it reached, as exposure records. The
 * account trace ({@link ChainTrace}) and the coin trace ({@code trace.coin.CoinTrace}) both are one.
 */
public interface TracedChain {

    /** The chain id ({@code ethereum}, {@code bitcoin}, ...). */
    String chain();

    /** Every address either direction reached, in a stable order. */
    List<Exposure> exposures(LabelBook labels);

    /** How many records {@link #exposures} makes, without making them. */
    int exposureCount();

    /** Distinct addresses reached in any asset and direction. */
    int reachedAddresses();
}
