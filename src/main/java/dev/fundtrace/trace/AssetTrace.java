package dev.fundtrace.trace;

import java.math.BigInteger;

/**
 * Forward and backward results for one asset of one chain.
 *
 * @param forward          null when the job traces backward only
 * @param taint            haircut taint (forward only), null otherwise
 * @param backward         null when the job traces forward only
 * @param backwardAmounts  local address -> amount it sent along its first hop toward the seeds
 * @param seed             local address -> is a seed
 * @param service          local address -> is labelled
 */
public record AssetTrace(String asset, String symbol, int decimals, AssetGraph graph, boolean[] seed,
                         boolean[] service, Reach forward, Taint taint, Reach backward,
                         BigInteger[] backwardAmounts) {}
