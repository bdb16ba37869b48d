package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MIXER on a UTXO chain (utxo.md): a labelled mixer is reached forward. Funding from a mixer is no MIXER flag. */
final class CoinMixerRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            int hops = context.forwardHop(v);
            if (context.seed(v) || hops == 0) continue;
            Optional<Label> label = context.label(v);
            if (label.isEmpty() || !label.get().isMixer()) continue;
            hits.accept(CoinRuleHit.alongFlow(Rule.MIXER, v, context.flow(Direction.FORWARD, v),
                    "the mixer " + label.get().label() + " received designated funds " + hops + " hop(s) from a designated address"));
        }
    }
}
