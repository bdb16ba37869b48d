package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EXCHANGE_FUNDING on a UTXO chain (utxo.md): a labelled exchange is among a designated address's backward funding
 * sources (an exchange that may know who withdrew from it).
 */
final class CoinExchangeFundingRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            int hops = context.backwardHop(v);
            if (context.seed(v) || hops == 0) continue;
            Optional<Label> label = context.label(v);
            if (label.isEmpty() || !label.get().isExchange()) continue;
            hits.accept(CoinRuleHit.alongFlow(Rule.EXCHANGE_FUNDING, v, context.flow(Direction.BACKWARD, v),
                    "the exchange " + label.get().label() + " funded a designated address " + hops + " hop(s) away"));
        }
    }
}
