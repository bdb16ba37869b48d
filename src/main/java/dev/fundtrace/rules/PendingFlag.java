package dev.fundtrace.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A flag being assembled from one or more hits with the same key: the first seed, the fewest hops. */
final class PendingFlag {

    private final Rule rule;
    private final String chain, asset, address;
    private int hops;
    private String seed, deposit;
    private final Set<String> flowIds = new LinkedHashSet<>();
    private final Set<String> evidence = new LinkedHashSet<>();
    private final List<String> reasons = new ArrayList<>();

    PendingFlag(Rule rule, String chain, String asset, String address, int hops) {
        this.rule = rule;
        this.chain = chain;
        this.asset = asset;
        this.address = address;
        this.hops = hops;
    }

    /**
     * Merges one hit (of an account chain's or a UTXO chain's rule).
     *
     * @param flowId         the flow the hit rests on, or null (a hit at a seed)
     * @param depositAddress the hit's likely deposit address, or null
     */
    void add(String flowId, String seedAddress, int flowHops, List<String> hitEvidence, String explanation,
             String depositAddress) {
        if (flowId != null) flowIds.add(flowId);
        evidence.addAll(hitEvidence);
        if (deposit == null) deposit = depositAddress;
        if (!reasons.contains(explanation)) reasons.add(explanation);
        if (seed == null) seed = seedAddress;
        hops = Math.min(hops, flowHops);
    }

    Flag toFlag() {
        String explanation = address + " " + String.join("; it also ", reasons) + ".";
        return new Flag("G-" + ShortHash.of(rule + "|" + chain + "|" + asset + "|" + address), rule, rule.severity(),
                chain, asset, address, seed, hops, List.copyOf(flowIds), List.copyOf(evidence), explanation, deposit, true);
    }
}
