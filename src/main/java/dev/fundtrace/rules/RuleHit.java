package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule found, before it is a flag: {@link FlagEngine} adds the flow to {@code address} in
 * {@code direction} (the flag's hops and seed come from it) and merges hits with the same flag key.
 *
 * @param address        local address id in {@code asset}'s graph: the flag's address
 * @param direction      the flow the flag rests on; null when the address is itself a seed (hops 0, no flow)
 * @param evidence       the flag's evidence, in order
 * @param depositAddress for EXCHANGE_CASH_OUT, the likely deposit address (or null); null for other rules
 * @param seed           the seed the flag is about, when not the flow's (DIRECT_COUNTERPARTY: one flag per seed)
 * @param amountRaw      the flag's amount, when not the flow's tainted amount (DIRECT_COUNTERPARTY: every direct
 *                       transfer with the seed); null otherwise
 */
record RuleHit(Rule rule, AssetTrace asset, int address, Direction direction, List<String> evidence,
               String explanation, String depositAddress, String seed, BigInteger amountRaw) {

    RuleHit {
        evidence = List.copyOf(evidence);
    }

    RuleHit(Rule rule, AssetTrace asset, int address, Direction direction, List<String> evidence,
            String explanation, String depositAddress) {
        this(rule, asset, address, direction, evidence, explanation, depositAddress, null, null);
    }

    RuleHit(Rule rule, AssetTrace asset, int address, Direction direction, List<String> evidence, String explanation) {
        this(rule, asset, address, direction, evidence, explanation, null);
    }

    /** A hit citing the flow's path as evidence, then {@code moreEvidence}. */
    static RuleHit alongFlow(Rule rule, AssetTrace asset, int address, Flow flow, List<String> moreEvidence,
                             String explanation, String depositAddress) {
        List<String> evidence = new ArrayList<>();
        for (FlowStep s : flow.path()) evidence.add(s.txHash());
        evidence.addAll(moreEvidence);
        return new RuleHit(rule, asset, address, flow.direction(), evidence, explanation, depositAddress);
    }

    static RuleHit alongFlow(Rule rule, AssetTrace asset, int address, Flow flow, String explanation) {
        return alongFlow(rule, asset, address, flow, List.of(), explanation, null);
    }

    /** A hit on a seed itself: no flow leads to it. */
    static RuleHit atSeed(Rule rule, AssetTrace asset, int seed, List<String> evidence, String explanation) {
        return new RuleHit(rule, asset, seed, null, evidence, explanation);
    }
}
