package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.fundtrace.rules.RuleContext.backwardHop;

/**
 * EXCHANGE_FUNDING (report.md): the backward trace finds a labelled exchange among a designated address's
 * funding sources (an exchange that may know who withdrew to it).
 */
final class ExchangeFundingRule implements FlagRule {

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                int hops = backwardHop(a, v);
                if (a.seed()[v] || hops == 0) continue;
                Optional<Label> label = context.label(a, v);
                if (label.isEmpty() || !label.get().isExchange()) continue;
                hits.accept(RuleHit.alongFlow(Rule.EXCHANGE_FUNDING, a, v, context.flow(a, Direction.BACKWARD, v),
                        "the exchange " + label.get().label() + " funded a designated address " + hops + " hop(s) away"));
            }
        }
    }
}
