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
    default List<Exposure> exposures(LabelBook labels) {
        List<Exposure> out = new java.util.ArrayList<>(exposureCount());
        forEachExposure(labels, out::add);
        return out;
    }

    /**
     * Hands {@code each} every exposure, in the order of {@link #exposures}, one at a time: a large trace reaches a
     * million addresses, whose records are written out as they are made rather than held.
     */
    void forEachExposure(LabelBook labels, java.util.function.Consumer<Exposure> each);

    /** How many records {@link #exposures} makes, without making them. */
    int exposureCount();

    /** Distinct addresses reached in any asset and direction. */
    int reachedAddresses();
}
