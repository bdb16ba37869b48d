package dev.fundtrace.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A flag being assembled from one or more hits with the same identity (rule, chain, asset, address, seed): the
 * fewest hops; the amount of the first flow (a representative), unless the hits state their own amounts, which add
 * up (DIRECT_COUNTERPARTY: what the address received from the seed and what it sent to it).
 */
final class PendingFlag {

    private final Rule rule;
    private final String chain, asset, address, seed;
    private int hops;
    private String deposit;
    private BigInteger flowAmount, statedAmount;
    private final Set<String> flowIds = new LinkedHashSet<>();
    private final Set<String> evidence = new LinkedHashSet<>();
    private final List<String> reasons = new ArrayList<>();

    PendingFlag(Rule rule, String chain, String asset, String address, String seed, int hops) {
        this.rule = rule;
        this.chain = chain;
        this.asset = asset;
        this.address = address;
        this.seed = seed;
        this.hops = hops;
    }

    /** What makes two runs' flags "the same finding"; the flag's id derives from it. */
    static String identity(Rule rule, String chain, String asset, String address, String seed) {
        return rule + "|" + chain + "|" + asset + "|" + address + "|" + (seed == null ? "" : seed);
    }

    /**
     * Merges one hit (of an account chain's or a UTXO chain's rule).
     *
     * @param flowId         the flow the hit rests on, or null (a hit at a seed)
     * @param flowAmountRaw  that flow's tainted amount, or null
     * @param hitAmountRaw   the amount the hit states for itself, or null (then the flow's counts)
     * @param depositAddress the hit's likely deposit address, or null
     */
    void add(String flowId, BigInteger flowAmountRaw, BigInteger hitAmountRaw, int flowHops, List<String> hitEvidence,
             String explanation, String depositAddress) {
        if (flowId != null) flowIds.add(flowId);
        if (flowAmount == null) flowAmount = flowAmountRaw;
        if (hitAmountRaw != null) statedAmount = statedAmount == null ? hitAmountRaw : statedAmount.add(hitAmountRaw);
        evidence.addAll(hitEvidence);
        if (deposit == null) deposit = depositAddress;
        if (!reasons.contains(explanation)) reasons.add(explanation);
        hops = Math.min(hops, flowHops);
    }

    /** The flag and its key hash: the id is the first six bytes of the key's digest, the hash its first eight. */
    FlagParts.KeyedFlag toKeyedFlag() {
        byte[] digest = ShortHash.digest(identity(rule, chain, asset, address, seed));
        String explanation = address + " " + String.join("; it also ", reasons) + ".";
        BigInteger amount = statedAmount != null ? statedAmount : flowAmount;
        Flag flag = new Flag("G-" + ShortHash.hex(digest), rule, rule.severity(),
                chain, asset, address, seed, hops, List.copyOf(flowIds), List.copyOf(evidence), explanation, deposit,
                amount == null ? null : amount.toString(), false);
        return new FlagParts.KeyedFlag(flag, FlagKey.hash(digest));
    }
}
