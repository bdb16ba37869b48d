package dev.fundtrace.rules;

import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;

/**
 * SANCTIONED_COUNTERPARTY on a UTXO chain (utxo.md): an address the trace reached, either direction, that is on
 * the loaded sanctions list for this chain but was not selected as a seed.
 */
final class CoinSanctionedCounterpartyRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            if (context.seed(v) || !context.sanctionedNotSeed(v)) continue;
            int forward = context.forwardHop(v), backward = context.backwardHop(v);
            if (forward > 0) hits.accept(CoinRuleHit.alongFlow(Rule.SANCTIONED_COUNTERPARTY, v,
                    context.flow(Direction.FORWARD, v), "is itself on the sanctions list (not selected as a seed)"
                            + " and received designated funds " + forward + " hop(s) away"));
            if (backward > 0) hits.accept(CoinRuleHit.alongFlow(Rule.SANCTIONED_COUNTERPARTY, v,
                    context.flow(Direction.BACKWARD, v), "is itself on the sanctions list (not selected as a seed)"
                            + " and funded a designated address " + backward + " hop(s) away"));
        }
    }
}
