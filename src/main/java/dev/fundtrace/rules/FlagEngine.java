package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the rule table of report.md to a chain's trace: each rule ({@link FlagRule} on account chains,
 * {@link CoinFlagRule} on UTXO chains, utxo.md's "Flags on UTXO chains") says where it fires, and the engine turns
 * the hits into flags. A flag is one (rule, chain, asset, address, seed); when several hits support it (an address that
 * both paid and was paid by a seed) it names all their flows and reasons. Both families' flags are merged, given
 * their ids and ordered here, by the same code.
 */
public final class FlagEngine {

    private final LabelBook labels;
    private final List<FlagRule> rules;
    private final List<CoinFlagRule> coinRules;

    public FlagEngine(LabelBook labels, RuleThresholds thresholds) {
        this(labels, List.of(
                new DirectCounterpartyRule(),
                new SanctionedCounterpartyRule(),
                new MixerRule(),
                new ExchangeCashOutRule(),
                new ExchangeFundingRule(),
                new IndirectExposureRule(thresholds.indirectExposureMin()),
                new RapidPassThroughRule(thresholds.rapidPassThroughWindow()),
                new PeelChainRule(),
                new StructuringRule(thresholds.structuringThreshold(), thresholds.structuringWindow(),
                        thresholds.structuringMinTransfers())), List.of(
                new CoinDirectCounterpartyRule(),
                new CoinSanctionedCounterpartyRule(),
                new CoinMixerRule(),
                new CoinJoinInteractionRule(),
                new CoinExchangeCashOutRule(),
                new CoinExchangeFundingRule(),
                new CoinIndirectExposureRule(thresholds.indirectExposureMin()),
                new CoinRapidPassThroughRule(thresholds.rapidPassThroughWindow()),
                new CoinPeelChainRule(),
                new CoinStructuringRule(thresholds.structuringThreshold(), thresholds.structuringWindow(),
                        thresholds.structuringMinTransfers())));
    }

    /** An engine with only some account-chain rules: for tests of one rule. */
    FlagEngine(LabelBook labels, List<FlagRule> rules) {
        this(labels, rules, List.of());
    }

    private FlagEngine(LabelBook labels, List<FlagRule> rules, List<CoinFlagRule> coinRules) {
        this.labels = labels;
        this.rules = List.copyOf(rules);
        this.coinRules = List.copyOf(coinRules);
    }

    /** An engine with only some UTXO-chain rules: for tests of one rule. */
    static FlagEngine ofCoinRules(LabelBook labels, List<CoinFlagRule> coinRules) {
        return new FlagEngine(labels, List.of(), coinRules);
    }

    /**
     * The flags of an account chain's trace.
     *
     * @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds
     */
    public FlagResult evaluate(ChainTrace trace, Collection<String> sanctionedNotSeeds) {
        RuleContext context = new RuleContext(trace, labels, sanctionedNotSeeds);
        Map<String, PendingFlag> pending = new LinkedHashMap<>();
        for (FlagRule rule : rules) {
            for (RuleHit h : rule.evaluate(context)) add(context, pending, h);
        }
        return new FlagResult(ordered(pending), context.flows());
    }

    /**
     * The flags of a UTXO chain's coin trace (utxo.md, "Flags on UTXO chains"): the same flag shape, ids, merging
     * and order as on account chains; {@code asset} is the chain's symbol and the evidence holds txids.
     *
     * @param sanctionedNotSeeds addresses (canonical form) on the loaded sanctions list for this chain that were
     *                           not selected as seeds
     */
    public FlagResult evaluate(CoinTrace trace, Collection<String> sanctionedNotSeeds) {
        CoinRuleContext context = new CoinRuleContext(trace, labels, sanctionedNotSeeds);
        Map<String, PendingFlag> pending = new LinkedHashMap<>();
        for (CoinFlagRule rule : coinRules) {
            for (CoinRuleHit h : rule.evaluate(context)) add(context, pending, h);
        }
        return new FlagResult(ordered(pending), context.flows());
    }

    /** Merges a hit into its flag: the flow it rests on (none at a seed) gives the hops and the seed. */
    private static void add(RuleContext context, Map<String, PendingFlag> pending, RuleHit h) {
        ChainTrace trace = context.trace();
        String address = trace.address(h.asset(), h.address());
        Flow f = h.direction() == null ? null : context.flow(h.asset(), h.direction(), h.address());
        merge(pending, h.rule(), trace.chain(), h.asset().asset(), address, f, h.seed(), h.amountRaw(), h.evidence(),
                h.explanation(), h.depositAddress());
    }

    private static void add(CoinRuleContext context, Map<String, PendingFlag> pending, CoinRuleHit h) {
        Flow f = h.direction() == null ? null : context.flow(h.direction(), h.address());
        merge(pending, h.rule(), context.chain(), context.asset(), context.address(h.address()), f, h.seed(),
                h.amountRaw(), h.evidence(), h.explanation(), h.depositAddress());
    }

    /** @param seed the hit's own seed, or null: then the flow's (the address itself at a seed) */
    private static void merge(Map<String, PendingFlag> pending, Rule rule, String chain, String asset, String address,
                              Flow f, String seed, BigInteger amountRaw, List<String> evidence, String explanation,
                              String depositAddress) {
        int hops = f == null ? 0 : f.hops();
        String flagSeed = seed != null ? seed : f == null ? address : f.seed();
        String key = PendingFlag.identity(rule, chain, asset, address, flagSeed);
        pending.computeIfAbsent(key, k -> new PendingFlag(rule, chain, asset, address, flagSeed, hops))
                .add(f == null ? null : f.id(), f == null ? null : f.taintedAmountRaw(), amountRaw, hops, evidence,
                        explanation, depositAddress);
    }

    private static List<Flag> ordered(Map<String, PendingFlag> pending) {
        List<Flag> flags = new ArrayList<>();
        for (PendingFlag p : pending.values()) flags.add(p.toFlag());
        flags.sort(FlagResult.ORDER); // one chain: the chain key changes nothing
        return flags;
    }
}
