package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.StepCache;

import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One chain's trace as the rules read it: hops, labels, the sanctions list, and the flows their hits rest on.
 * Each flow goes to the {@link FindingSink} the first time a rule asks for it; only its handle is kept (one int per
 * address of the asset's graph, beside the trace's own arrays), and a flow asked for again later is walked again.
 */
final class RuleContext {

    private final ChainTrace trace;
    private final LabelBook labels;
    private final Set<Integer> sanctioned = new HashSet<>();
    private final FindingSink sink;
    /** Per asset and direction, per local address: 1 + the handle of the flow to it, 0 while none was made. */
    private final Map<AssetTrace, int[][]> handles = new IdentityHashMap<>();
    private final RecentFlows recent = new RecentFlows();
    private final StepCache steps = new StepCache();

    /** @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds */
    RuleContext(ChainTrace trace, LabelBook labels, Collection<String> sanctionedNotSeeds, FindingSink sink) {
        this.trace = trace;
        this.labels = labels;
        this.sink = sink;
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
        Flow cached = recent.get(a, d, v);
        if (cached != null) return cached;
        String id = "F-" + ShortHash.of(d.id() + "|" + trace.chain() + "|" + a.asset() + "|" + trace.address(a, v));
        Flow f = trace.flow(id, a, d, v, labels, steps);
        int[] h = handles(a, d);
        if (h[v] == 0) h[v] = sink.flow(f) + 1;
        recent.put(a, d, v, f);
        return f;
    }

    /** The sink's handle of the flow to v in direction d, which {@link #flow} made. */
    int handle(AssetTrace a, Direction d, int v) {
        int h = handles(a, d)[v] - 1;
        if (h < 0) throw new IllegalStateException("no flow was made to " + trace.address(a, v) + " " + d.id());
        return h;
    }

    private int[] handles(AssetTrace a, Direction d) {
        int[][] byDirection = handles.computeIfAbsent(a, k -> new int[Direction.values().length][]);
        int i = d.ordinal();
        if (byDirection[i] == null) byDirection[i] = new int[a.graph().addressCount()];
        return byDirection[i];
    }
}
