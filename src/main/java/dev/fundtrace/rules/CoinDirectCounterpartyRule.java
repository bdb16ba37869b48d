package dev.fundtrace.rules;

import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.util.ArrayList;
import java.util.List;

/**
 * DIRECT_COUNTERPARTY on a UTXO chain (utxo.md): an address at forward hop 1 (it holds a coin a transaction
 * spending a seed coin created) or backward hop 1 (it held a coin spent by a transaction that paid a seed),
 * labelled or not. An address that did both is one flag naming both flows.
 */
final class CoinDirectCounterpartyRule implements CoinFlagRule {

    @Override
    public List<CoinRuleHit> evaluate(CoinRuleContext context) {
        List<CoinRuleHit> hits = new ArrayList<>();
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            if (context.seed(v)) continue;
            if (context.forwardHop(v) == 1) {
                Flow f = context.flow(Direction.FORWARD, v);
                var received = f.path().get(f.path().size() - 1).amountRaw();
                hits.add(CoinRuleHit.alongFlow(Rule.DIRECT_COUNTERPARTY, v, f,
                        "received a coin of " + context.display(received) + " directly from a designated address"));
            }
            if (context.backwardHop(v) == 1) {
                Flow f = context.flow(Direction.BACKWARD, v);
                hits.add(CoinRuleHit.alongFlow(Rule.DIRECT_COUNTERPARTY, v, f,
                        "spent coins of " + context.display(context.trace().backwardAmount(v))
                                + " in transactions that paid a designated address directly"));
            }
        }
        return hits;
    }
}
