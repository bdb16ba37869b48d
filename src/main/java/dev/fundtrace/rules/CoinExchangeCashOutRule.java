package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EXCHANGE_CASH_OUT on a UTXO chain (utxo.md): a labelled exchange is reached forward. The flag is at the exchange
 * and names the likely deposit address: the {@code from} of the flow's last step, the holder of the coin that the
 * transaction paying the exchange spent. At hop 1 that is the seed itself; when that coin was addressless there is
 * none (null).
 */
final class CoinExchangeCashOutRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            if (context.seed(v) || context.forwardHop(v) == 0) continue;
            Optional<Label> label = context.label(v);
            if (label.isPresent() && label.get().isExchange()) hits.accept(cashOut(context, v, label.get()));
        }
    }

    private static CoinRuleHit cashOut(CoinRuleContext context, int v, Label exchange) {
        Flow f = context.flow(Direction.FORWARD, v);
        FlowStep last = f.path().get(f.path().size() - 1);
        String deposit = last.from();
        String where = deposit == null ? "; the coin that paid it had no address"
                : f.hops() == 1 ? ", paid directly by the designated address " + deposit
                : "; likely deposit address " + deposit;
        return CoinRuleHit.alongFlow(Rule.EXCHANGE_CASH_OUT, v, f, List.of(),
                "designated funds reached the exchange " + exchange.label() + " in " + f.hops() + " hop(s)" + where,
                deposit);
    }
}
