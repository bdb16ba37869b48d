package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * EXCHANGE_CASH_OUT (report.md): a forward flow reaches a labelled exchange. The flag is at the exchange and
 * names the last address before it on the flow as the likely deposit address: exchanges credit customers
 * through deposit addresses of their own, so that address is where an exchange can identify the customer
 * (services are endpoints of the trace: the addresses before one are no services).
 */
final class ExchangeCashOutRule implements FlagRule {

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                if (a.seed()[v] || forwardHop(a, v) == 0) continue;
                Optional<Label> label = context.label(a, v);
                if (label.isPresent() && label.get().isExchange()) hits.accept(cashOut(context, a, v, label.get()));
            }
        }
    }

    private static RuleHit cashOut(RuleContext context, AssetTrace a, int v, Label exchange) {
        Flow f = context.flow(a, Direction.FORWARD, v);
        String deposit = f.hops() >= 2 ? f.path().get(f.path().size() - 1).from() : null; // hop 1: the seed paid it
        return RuleHit.alongFlow(Rule.EXCHANGE_CASH_OUT, a, v, f, List.of(),
                "designated funds reached the exchange " + exchange.label() + " in " + f.hops() + " hop(s)"
                        + (deposit == null ? ", paid directly by the designated address" : "; likely deposit address " + deposit),
                deposit);
    }
}
