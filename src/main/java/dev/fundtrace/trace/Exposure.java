package dev.fundtrace.trace;

import java.math.BigDecimal;

/**
 * An address a trace reached, flagged or not.
 *
 * @param taintedAmountRaw forward: haircut taint received; backward: the amounts it sent along its first hop
 *                         toward the seeds (see README, "Backward amounts")
 * @param seed             the seed at the start of its representative chain
 */
public record Exposure(Direction direction, String chain, String asset, String address, int hops,
                       BigDecimal taintedAmountRaw, String seed, String label, String category) {}
