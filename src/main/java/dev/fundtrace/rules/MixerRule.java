package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.fundtrace.rules.RuleContext.forwardHop;

/** MIXER (report.md): a forward flow reaches a labelled mixer. Funding from a mixer is no MIXER flag. */
final class MixerRule implements FlagRule {

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                int hops = forwardHop(a, v);
                if (a.seed()[v] || hops == 0) continue;
                Optional<Label> label = context.label(a, v);
                if (label.isEmpty() || !label.get().isMixer()) continue;
                hits.accept(RuleHit.alongFlow(Rule.MIXER, a, v, context.flow(a, Direction.FORWARD, v),
                        "the mixer " + label.get().label() + " received designated funds " + hops + " hop(s) from a designated address"));
            }
        }
    }
}
