package dev.fundtrace.rules;

import dev.fundtrace.trace.Flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The flags of one chain's trace (or of several, merged) and the flows they rest on. */
public record FlagResult(List<Flag> flags, List<Flow> flows) {

    /** The report's order: most severe first, then rule, chain, asset, address and seed. */
    public static final Comparator<Flag> ORDER = Comparator.comparing(Flag::severity).thenComparing(Flag::rule)
            .thenComparing(Flag::chain).thenComparing(Flag::asset).thenComparing(Flag::address)
            .thenComparing(Flag::seed, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The flags and flows of several chains as one result, flags in {@link #ORDER}. */
    public static FlagResult merge(List<FlagResult> results) {
        if (results.size() == 1) return results.getFirst();
        List<Flag> flags = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        for (FlagResult r : results) {
            flags.addAll(r.flags());
            flows.addAll(r.flows());
        }
        flags.sort(ORDER);
        return new FlagResult(flags, flows);
    }
}
