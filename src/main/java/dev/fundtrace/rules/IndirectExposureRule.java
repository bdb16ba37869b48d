package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * INDIRECT_EXPOSURE (report.md): an unlabelled address at hop 2 or more whose haircut taint is above 0 and at
 * least the job's minimum for the asset. Hop 1 is DIRECT_COUNTERPARTY's; an asset without a minimum is skipped.
 */
final class IndirectExposureRule implements FlagRule {

    private final Map<String, BigDecimal> minimumByAsset;

    /** @param minimumByAsset display units, keyed by symbol or token address (the job's indirectExposureMin) */
    IndirectExposureRule(Map<String, BigDecimal> minimumByAsset) {
        this.minimumByAsset = minimumByAsset;
    }

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            // amounts are integers: x >= threshold <=> x >= ceil(threshold)
            BigInteger minimum = RuleThresholds.rawAtLeast(minimumByAsset, a.asset(), a.symbol(), a.decimals());
            if (minimum == null || a.taint() == null) continue;
            for (int v = 0; v < a.graph().addressCount(); v++) {
                int hops = forwardHop(a, v);
                if (a.seed()[v] || hops < 2) continue;
                if (!a.taint().hasReceived(v) || context.labelled(a, v)) continue;
                BigInteger received = a.taint().received(v);
                if (received.compareTo(minimum) < 0) continue;
                hits.accept(RuleHit.alongFlow(Rule.INDIRECT_EXPOSURE, a, v, context.flow(a, Direction.FORWARD, v),
                        "received about " + Amounts.display(a, received) + " of designated funds (haircut) " + hops + " hops away"));
            }
        }
    }
}
