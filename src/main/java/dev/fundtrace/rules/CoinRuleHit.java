package dev.fundtrace.rules;

import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What a UTXO rule found, before it is a flag: {@link FlagEngine} adds the flow to {@code address} in
 * {@code direction} (the flag's hops and seed come from it) and merges hits with the same flag key.
 *
 * @param address        the coin ledger's address id: the flag's address
 * @param direction      the flow the flag rests on; null when the address is itself a seed (hops 0, no flow)
 * @param evidence       the flag's evidence, txids in order
 * @param depositAddress for EXCHANGE_CASH_OUT, the likely deposit address (or null); null for other rules
 * @param seed           the seed the flag is about, when not the flow's (DIRECT_COUNTERPARTY: one flag per seed)
 * @param amountRaw      the flag's amount, when not the flow's tainted amount (DIRECT_COUNTERPARTY: every coin
 *                       between the address and the seed); null otherwise
 */
record CoinRuleHit(Rule rule, int address, Direction direction, List<String> evidence, String explanation,
                   String depositAddress, String seed, BigInteger amountRaw) {

    CoinRuleHit {
        evidence = List.copyOf(evidence);
    }

    CoinRuleHit(Rule rule, int address, Direction direction, List<String> evidence, String explanation,
                String depositAddress) {
        this(rule, address, direction, evidence, explanation, depositAddress, null, null);
    }

    CoinRuleHit(Rule rule, int address, Direction direction, List<String> evidence, String explanation) {
        this(rule, address, direction, evidence, explanation, null);
    }

    /** A hit citing the flow's path (its txids) as evidence, then {@code moreEvidence}. */
    static CoinRuleHit alongFlow(Rule rule, int address, Flow flow, List<String> moreEvidence, String explanation,
                                 String depositAddress) {
        List<String> evidence = new ArrayList<>();
        for (FlowStep s : flow.path()) evidence.add(s.txHash());
        evidence.addAll(moreEvidence);
        return new CoinRuleHit(rule, address, flow.direction(), evidence, explanation, depositAddress);
    }

    static CoinRuleHit alongFlow(Rule rule, int address, Flow flow, String explanation) {
        return alongFlow(rule, address, flow, List.of(), explanation, null);
    }

    /** A hit on a seed itself: no flow leads to it. */
    static CoinRuleHit atSeed(Rule rule, int seed, List<String> evidence, String explanation) {
        return new CoinRuleHit(rule, seed, null, evidence, explanation);
    }
}
