package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.util.ArrayList;
import java.util.List;

import static dev.fundtrace.rules.RuleContext.backwardHop;
import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * DIRECT_COUNTERPARTY (report.md): an address that received from or sent to a designated address, hop 1 in
 * either direction. An address that did both is one flag naming both flows.
 */
final class DirectCounterpartyRule implements FlagRule {

    @Override
    public List<RuleHit> evaluate(RuleContext context) {
        List<RuleHit> hits = new ArrayList<>();
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                if (a.seed()[v]) continue;
                if (forwardHop(a, v) == 1) {
                    Flow f = context.flow(a, Direction.FORWARD, v);
                    var received = f.path().get(f.path().size() - 1).amountRaw();
                    hits.add(RuleHit.alongFlow(Rule.DIRECT_COUNTERPARTY, a, v, f,
                            "received " + Amounts.display(a, received) + " directly from a designated address"));
                }
                if (backwardHop(a, v) == 1) {
                    Flow f = context.flow(a, Direction.BACKWARD, v);
                    hits.add(RuleHit.alongFlow(Rule.DIRECT_COUNTERPARTY, a, v, f,
                            "sent " + Amounts.display(a, a.backwardAmounts()[v]) + " directly to a designated address"));
                }
            }
        }
        return hits;
    }
}
