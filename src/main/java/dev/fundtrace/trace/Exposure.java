package dev.fundtrace.trace;

import java.math.BigInteger;
import java.util.List;

/**
 * An address a trace reached, flagged or not.
 *
 * @param taintedAmountRaw raw units, an exact integer. Forward: haircut taint received; backward: the amounts it sent
 *                         along its first hop toward the seeds (see README, "Backward amounts"); UTXO chains: utxo.md
 * @param seed             the seed at the start of its representative chain
 * @param evidence         UTXO chains: the representative coin ({@code ["txid:vout"]}); null on account chains
 */
public record Exposure(Direction direction, String chain, String asset, String address, int hops,
                       BigInteger taintedAmountRaw, String seed, String label, String category, List<String> evidence) {

    public Exposure {
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    /** An account chain's exposure (no coin evidence). */
    public Exposure(Direction direction, String chain, String asset, String address, int hops,
                    BigInteger taintedAmountRaw, String seed, String label, String category) {
        this(direction, chain, asset, address, hops, taintedAmountRaw, seed, label, category, null);
    }
}
