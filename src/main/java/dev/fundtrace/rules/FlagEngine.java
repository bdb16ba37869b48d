package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * Applies the rule table of report.md to a chain's trace: each rule ({@link FlagRule} on account chains,
 * {@link CoinFlagRule} on UTXO chains, utxo.md's "Flags on UTXO chains") says where it fires, and the engine turns
 * the hits into flags. A flag is one (rule, chain, asset, address, seed); when several hits support it (an address that
 * both paid and was paid by a seed) it names all their flows and reasons. The engine hands each hit on as a
 * {@link FlagPart} and each flow once to a {@link FindingSink}; both families' parts are merged into flags
 * ({@link FlagParts}) and ordered ({@link FlagResult#ORDER}) by the same code, whoever collects them.
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
     * The flags of an account chain's trace, collected: for tests and small traces (see {@link #evaluate(ChainTrace,
     * Collection, FindingSink)} for one of any size).
     *
     * @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds
     */
    public FlagResult evaluate(ChainTrace trace, Collection<String> sanctionedNotSeeds) {
        CollectedFindings collected = new CollectedFindings();
        evaluate(trace, sanctionedNotSeeds, collected);
        return collected.result();
    }

    /** The flags of a UTXO chain's coin trace, collected (see {@link #evaluate(CoinTrace, Collection, FindingSink)}). */
    public FlagResult evaluate(CoinTrace trace, Collection<String> sanctionedNotSeeds) {
        CollectedFindings collected = new CollectedFindings();
        evaluate(trace, sanctionedNotSeeds, collected);
        return collected.result();
    }

    /**
     * Hands {@code sink} every flow the rules rest on and every hit, as a part of its flag, as they come: the
     * engine holds neither, so a trace with a million flags costs what one rule hit costs.
     */
    public void evaluate(ChainTrace trace, Collection<String> sanctionedNotSeeds, FindingSink sink) {
        RuleContext context = new RuleContext(trace, labels, sanctionedNotSeeds, sink);
        for (FlagRule rule : rules) rule.evaluate(context, h -> sink.part(part(context, h)));
    }

    /**
     * The same for a UTXO chain's coin trace (utxo.md, "Flags on UTXO chains"): the same flag shape, ids, merging
     * and order as on account chains; {@code asset} is the chain's symbol and the evidence holds txids.
     *
     * @param sanctionedNotSeeds addresses (canonical form) on the loaded sanctions list for this chain that were
     *                           not selected as seeds
     */
    public void evaluate(CoinTrace trace, Collection<String> sanctionedNotSeeds, FindingSink sink) {
        CoinRuleContext context = new CoinRuleContext(trace, labels, sanctionedNotSeeds, sink);
        for (CoinFlagRule rule : coinRules) rule.evaluate(context, h -> sink.part(part(context, h)));
    }

    /** A hit as a part of its flag: the flow it rests on (none at a seed) gives the hops and the seed. */
    private static FlagPart part(RuleContext context, RuleHit h) {
        ChainTrace trace = context.trace();
        AssetTrace a = h.asset();
        String address = trace.address(a, h.address());
        Flow f = h.direction() == null ? null : context.flow(a, h.direction(), h.address());
        int handle = f == null ? -1 : context.handle(a, h.direction(), h.address());
        return part(h.rule(), trace.chain(), a.asset(), a.symbol(), a.decimals(), address, f, handle, h.seed(),
                h.amountRaw(), h.evidence(), h.explanation(), h.depositAddress());
    }

    private static FlagPart part(CoinRuleContext context, CoinRuleHit h) {
        Flow f = h.direction() == null ? null : context.flow(h.direction(), h.address());
        int handle = f == null ? -1 : context.handle(h.direction(), h.address());
        return part(h.rule(), context.chain(), context.asset(), context.asset(), context.decimals(),
                context.address(h.address()), f, handle, h.seed(), h.amountRaw(), h.evidence(), h.explanation(),
                h.depositAddress());
    }

    /** @param seed the hit's own seed, or null: then the flow's (the address itself at a seed) */
    private static FlagPart part(Rule rule, String chain, String asset, String symbol, int decimals, String address,
                                 Flow f, int handle, String seed, BigInteger amountRaw, List<String> evidence,
                                 String explanation, String depositAddress) {
        String flagSeed = seed != null ? seed : f == null ? address : f.seed();
        return new FlagPart(rule, chain, asset, symbol, decimals, address, flagSeed, f == null ? 0 : f.hops(), handle,
                f == null ? null : f.id(), f == null ? null : f.taintedAmountRaw(), amountRaw, evidence, explanation,
                depositAddress);
    }
}
