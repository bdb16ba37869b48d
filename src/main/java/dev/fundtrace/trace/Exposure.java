package dev.fundtrace.trace;

import java.math.BigInteger;

/**
 * An address a trace reached, flagged or not.
 *
 * @param taintedAmountRaw raw units, an exact integer. Forward: haircut taint received; backward: the amounts it sent along its first hop
 *                         toward the seeds (see README, "Backward amounts")
 * @param seed             the seed at the start of its representative chain
 */
public record Exposure(Direction direction, String chain, String asset, String address, int hops,
                       BigInteger taintedAmountRaw, String seed, String label, String category) {}
