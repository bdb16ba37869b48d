package dev.fundtrace.trace;

import java.math.BigInteger;

/**
 * Haircut taint of one asset, exact integers in the asset's raw units: per address the tainted amount it
 * received, per transfer the taint it carried, and the taint that left the horizon.
 */
public final class Taint {
    private final ExactColumn received;
    private final ExactColumn carried;
    private final BigInteger leftHorizon;
    private final BigInteger returnedToSeeds;

    Taint(ExactColumn received, ExactColumn carried, BigInteger leftHorizon, BigInteger returnedToSeeds) {
        this.received = received;
        this.carried = carried;
        this.leftHorizon = leftHorizon;
        this.returnedToSeeds = returnedToSeeds;
    }

    /** Sum of t over v's incoming transfers (local address id). */
    public BigInteger received(int v) { return received.get(v); }

    /** True when v received any taint. */
    public boolean hasReceived(int v) { return received.signum(v) > 0; }

    /** t, the taint transfer {@code e} (edge id) carried. */
    public BigInteger carried(int e) { return carried.get(e); }

    /** True when transfer {@code e} carried taint (t > 0), without making a BigInteger. */
    public boolean carries(int e) { return carried.signum(e) > 0; }

    /** Taint carried to an address not credited with it (a seed, or one beyond the horizon). */
    public BigInteger leftHorizon() { return leftHorizon; }

    /** The part of {@link #leftHorizon} that went back to a seed. */
    public BigInteger returnedToSeeds() { return returnedToSeeds; }
}
