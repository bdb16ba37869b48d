package dev.fundtrace.trace.coin;

/**
 * What a coin-level trace of one UTXO chain needs besides the ledger, the seeds and the services (utxo.md).
 *
 * @param maxHops           the horizon: a transaction at hop {@code h > maxHops} passes its taint to the horizon
 * @param dustRaw           outputs below this value (in satoshi-like units) are neither tainted nor reported; 0 = none
 * @param clusteringEnabled report the seeds' multi-input clusters ({@link CoinTrace#clusters()})
 * @param extendSeeds       trace every address of a seed's cluster as a seed (applies even when the clusters are not
 *                          reported)
 */
public record CoinTraceParameters(boolean forward, boolean backward, int maxHops, long dustRaw,
                                  boolean clusteringEnabled, boolean extendSeeds) {

    public CoinTraceParameters {
        if (maxHops < 0) throw new IllegalArgumentException("maxHops must not be negative: " + maxHops);
        if (dustRaw < 0) throw new IllegalArgumentException("dust must not be negative: " + dustRaw);
    }

    /** Both directions, the job file's defaults otherwise: 4 hops, no dust, no clustering. */
    public static CoinTraceParameters defaults() {
        return new CoinTraceParameters(true, true, 4, 0, false, false);
    }
}
