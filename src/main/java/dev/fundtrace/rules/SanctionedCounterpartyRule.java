package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;

import static dev.fundtrace.rules.RuleContext.backwardHop;
import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * SANCTIONED_COUNTERPARTY (report.md): a traced flow, either direction, reaches an address that is on a
 * loaded sanctions list but was not selected as a seed (another designation, or another chain's).
 */
final class SanctionedCounterpartyRule implements FlagRule {

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                if (a.seed()[v] || !context.sanctionedNotSeed(a, v)) continue;
                int forward = forwardHop(a, v), backward = backwardHop(a, v);
                if (forward > 0) hits.accept(RuleHit.alongFlow(Rule.SANCTIONED_COUNTERPARTY, a, v,
                        context.flow(a, Direction.FORWARD, v), "is itself on the sanctions list (not selected as a seed)"
                                + " and received designated funds " + forward + " hop(s) away"));
                if (backward > 0) hits.accept(RuleHit.alongFlow(Rule.SANCTIONED_COUNTERPARTY, a, v,
                        context.flow(a, Direction.BACKWARD, v), "is itself on the sanctions list (not selected as a seed)"
                                + " and funded a designated address " + backward + " hop(s) away"));
            }
        }
    }
}
