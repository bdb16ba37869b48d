package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One chain's trace as the rules read it: hops, labels, the sanctions list, and the flows their hits rest on.
 * The flows are built here once each (a path walk), shared by every rule and by the flags that name them.
 */
final class RuleContext {

    private final ChainTrace trace;
    private final LabelBook labels;
    private final Set<Integer> sanctioned = new HashSet<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();

    /** @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds */
    RuleContext(ChainTrace trace, LabelBook labels, Collection<String> sanctionedNotSeeds) {
        this.trace = trace;
        this.labels = labels;
        for (String s : sanctionedNotSeeds) {
            int id = trace.ledger().addressId(s);
            if (id >= 0) sanctioned.add(id);
        }
    }

    ChainTrace trace() { return trace; }

    LedgerView ledger() { return trace.ledger(); }

    /** The forward hop of v, 0 when not reached or not traced forward. */
    static int forwardHop(AssetTrace a, int v) {
        return a.forward() == null ? 0 : a.forward().hop(v);
    }

    /** The backward hop of v, 0 when not reached or not traced backward. */
    static int backwardHop(AssetTrace a, int v) {
        return a.backward() == null ? 0 : a.backward().hop(v);
    }

    /** v's label. Only services are looked up: the trace was told which addresses are labelled. */
    Optional<Label> label(AssetTrace a, int v) {
        return a.service()[v] ? labels.find(trace.chain(), trace.address(a, v)) : Optional.empty();
    }

    /** Labelled addresses are services: the pattern rules (amounts, timing) do not apply to them. */
    boolean labelled(AssetTrace a, int v) {
        return label(a, v).isPresent();
    }

    /** v is on a loaded sanctions list without having been selected as a seed. */
    boolean sanctionedNotSeed(AssetTrace a, int v) {
        return sanctioned.contains(a.graph().globalAddress(v));
    }

    /** The flow to v in direction d; its id depends only on what it leads to, so it is stable across runs. */
    Flow flow(AssetTrace a, Direction d, int v) {
        String id = "F-" + ShortHash.of(d.id() + "|" + trace.chain() + "|" + a.asset() + "|" + trace.address(a, v));
        return flows.computeIfAbsent(id, k -> trace.flow(k, a, d, v, labels));
    }

    /** The flows built so far, in the order they were first asked for. */
    List<Flow> flows() {
        return List.copyOf(flows.values());
    }
}
