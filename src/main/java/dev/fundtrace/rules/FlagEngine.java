package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the rule table of report.md to a chain's trace: each rule ({@link FlagRule}) says where it fires,
 * and the engine turns the hits into flags. A flag is one (rule, chain, asset, address); when several hits
 * support it (an address that both paid and was paid by a seed) it names all their flows and reasons.
 */
public final class FlagEngine {

    private static final Comparator<Flag> ORDER = Comparator.comparing(Flag::severity).thenComparing(Flag::rule)
            .thenComparing(Flag::asset).thenComparing(Flag::address);

    private final LabelBook labels;
    private final List<FlagRule> rules;

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
                        thresholds.structuringMinTransfers())));
    }

    /** An engine with only some rules: for tests of one rule. */
    FlagEngine(LabelBook labels, List<FlagRule> rules) {
        this.labels = labels;
        this.rules = List.copyOf(rules);
    }

    /** @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds */
    public FlagResult evaluate(ChainTrace trace, Collection<String> sanctionedNotSeeds) {
        RuleContext context = new RuleContext(trace, labels, sanctionedNotSeeds);
        Map<String, PendingFlag> pending = new LinkedHashMap<>();
        for (FlagRule rule : rules) {
            for (RuleHit h : rule.evaluate(context)) add(context, pending, h);
        }
        List<Flag> flags = new ArrayList<>();
        for (PendingFlag p : pending.values()) flags.add(p.toFlag());
        flags.sort(ORDER);
        return new FlagResult(flags, context.flows());
    }

    /** Merges a hit into its flag: the flow it rests on (none at a seed) gives the hops and the seed. */
    private static void add(RuleContext context, Map<String, PendingFlag> pending, RuleHit h) {
        ChainTrace trace = context.trace();
        String address = trace.address(h.asset(), h.address());
        Flow f = h.direction() == null ? null : context.flow(h.asset(), h.direction(), h.address());
        int hops = f == null ? 0 : f.hops();
        String key = h.rule() + "|" + h.asset().asset() + "|" + h.address();
        pending.computeIfAbsent(key, k -> new PendingFlag(h.rule(), trace.chain(), h.asset().asset(), address, hops))
                .add(f == null ? null : f.id(), f == null ? address : f.seed(), hops, h);
    }
}
