package dev.fundtrace.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A report's flags in report order, handed to a writer one at a time: read from a file for a large night (a
 * million flags are not held as objects), from a list for a small report or a test.
 */
@FunctionalInterface
public interface FlagSource {

    FlagSource NONE = each -> { };

    /** Hands every flag to {@code each}, in order; may be called again, for another pass. */
    void forEach(Consumer<ReportedFlag> each);

    /** The flags of a report held in memory, each with the amount and decimals its first flow gives it. */
    static FlagSource of(List<RunReport.FlagRow> flags, List<RunReport.FlowRow> flows) {
        Map<String, RunReport.FlowRow> byId = new HashMap<>();
        for (RunReport.FlowRow f : flows) byId.putIfAbsent(f.id(), f);
        return each -> {
            for (RunReport.FlagRow g : flags) {
                RunReport.FlowRow first = g.flowIds() == null || g.flowIds().isEmpty() ? null : byId.get(g.flowIds().getFirst());
                each.accept(new ReportedFlag(g, FlagAmount.raw(g, first), first == null ? null : first.decimals()));
            }
        };
    }
}
