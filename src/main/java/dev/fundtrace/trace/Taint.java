package dev.fundtrace.trace;

/**
 * Haircut taint of one asset: per address, the tainted amount it received (raw units, a share, so a double
 * within the 1e-9 relative tolerance the spec allows), and the taint that left the horizon.
 *
 * @param received       local address -> sum of t over its incoming transfers
 * @param carried        edge -> t, the taint that transfer carried
 * @param leftHorizon    taint carried to an address not credited with it (a seed, or one beyond the horizon)
 * @param returnedToSeeds the part of {@code leftHorizon} that went back to a seed
 */
public record Taint(double[] received, double[] carried, double leftHorizon, double returnedToSeeds) {}
