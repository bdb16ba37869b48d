package dev.fundtrace.trace;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.LedgerView;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trace of one chain: per asset results, plus the ledger to turn edges back into evidence. */
public final class ChainTrace implements TracedChain {

    private final LedgerView ledger;
    private final List<AssetTrace> assets;

    ChainTrace(LedgerView ledger, List<AssetTrace> assets) {
        this.ledger = ledger;
        this.assets = List.copyOf(assets);
    }

    public LedgerView ledger() { return ledger; }

    public List<AssetTrace> assets() { return assets; }

    @Override
    public String chain() { return ledger.chain().id(); }

    /** Every address either pass reached, in a stable order: asset, forward before backward, address id. */
    @Override
    public void forEachExposure(LabelBook labels, java.util.function.Consumer<Exposure> each) {
        for (AssetTrace a : assets) {
            for (Direction d : List.of(Direction.FORWARD, Direction.BACKWARD)) forEachExposure(a, d, labels, each);
        }
    }

    private void forEachExposure(AssetTrace a, Direction d, LabelBook labels, java.util.function.Consumer<Exposure> each) {
        Reach r = reach(a, d);
        if (r == null) return;
        Map<Integer, String> seedHex = new HashMap<>(); // a handful of seeds start every chain
        int[] seeds = r.seeds(a.graph());
        for (int v = 0; v < a.graph().n; v++) {
            if (r.hop[v] == 0) continue;
            String seed = seedHex.computeIfAbsent(a.graph().global[seeds[v]], ledger::address);
            each.accept(exposure(a, d, v, labels, seed));
        }
    }

    public Exposure exposure(AssetTrace a, Direction d, int v, LabelBook labels) {
        return exposure(a, d, v, labels, seedOf(a, d, v));
    }

    private Exposure exposure(AssetTrace a, Direction d, int v, LabelBook labels, String seed) {
        Reach r = reach(a, d);
        String address = address(a, v);
        Optional<Label> label = a.service()[v] ? labels.find(chain(), address) : Optional.empty();
        return new Exposure(d, chain(), a.asset(), address, r.hop[v], amount(a, d, v), seed,
                label.map(Label::label).orElse(null), label.map(Label::category).orElse(null));
    }

    /** The representative chain for v as evidence, in the order the money moved. */
    public Flow flow(String id, AssetTrace a, Direction d, int v, LabelBook labels) {
        return flow(id, a, d, v, labels, new StepCache());
    }

    /** The same, its steps taken from {@code cache} where made before. */
    public Flow flow(String id, AssetTrace a, Direction d, int v, LabelBook labels, StepCache cache) {
        Reach r = reach(a, d);
        List<Integer> edges = r.path(a.graph(), v);
        if (d == Direction.BACKWARD) Collections.reverse(edges); // endpoint first: the way the money moved
        List<FlowStep> steps = new ArrayList<>(edges.size());
        for (int e : edges) {
            long key = StepCache.key(a.graph().assetId, d, e);
            FlowStep step = cache.get(key);
            if (step == null) {
                Transfer t = ledger.transfer(a.graph().row[e]);
                BigInteger carried = a.taint() == null || d == Direction.BACKWARD ? null : a.taint().carried(e);
                step = new FlowStep(t.txHash(), t.blockNumber(), t.position(), t.subPosition(), t.from(), t.to(),
                        t.amount(), t.blockTime(), carried);
                cache.put(key, step);
            }
            steps.add(step);
        }
        String address = address(a, v);
        Optional<Label> label = labels.find(chain(), address);
        // the seed is where the path starts (forward) or ends (backward), as seedOf walks it
        String seed = edges.isEmpty() ? seedOf(a, d, v)
                : ledger.address(a.graph().global[d == Direction.FORWARD ? a.graph().src[edges.getFirst()] : a.graph().dst[edges.getLast()]]);
        return new Flow(id, d, chain(), a.asset(), a.symbol(), a.decimals(), seed, address,
                label.map(Label::label).orElse(null), label.map(Label::category).orElse(null), r.hop[v],
                amount(a, d, v), steps);
    }

    /** How many records {@link #exposures} makes (one per asset, direction and reached address), without making them. */
    @Override
    public int exposureCount() {
        int[] n = {0};
        forEachReached((a, v) -> n[0]++);
        return n[0];
    }

    /** Distinct addresses reached in any asset and direction (what report.json's summary calls reached). */
    @Override
    public int reachedAddresses() {
        java.util.BitSet reached = new java.util.BitSet(ledger.addressCount());
        forEachReached((a, v) -> reached.set(a.graph().global[v]));
        return reached.cardinality();
    }

    private interface ReachedAddress { void at(AssetTrace a, int v); }

    /** Calls {@code visit} once per asset, direction and address (local id) that direction reached. */
    private void forEachReached(ReachedAddress visit) {
        for (AssetTrace a : assets) {
            for (Direction d : Direction.values()) {
                Reach r = reach(a, d);
                if (r == null) continue;
                for (int v = 0; v < a.graph().n; v++) if (r.hop[v] != 0) visit.at(a, v);
            }
        }
    }

    public Reach reach(AssetTrace a, Direction d) {
        return d == Direction.FORWARD ? a.forward() : a.backward();
    }

    public String address(AssetTrace a, int v) {
        return ledger.address(a.graph().global[v]);
    }

    /** Local id of an address in an asset's graph, or -1. */
    public int local(AssetTrace a, String address) {
        int g = ledger.addressId(address);
        if (g < 0) return -1;
        int[] global = a.graph().global;
        for (int v = 0; v < global.length; v++) if (global[v] == g) return v;
        return -1;
    }

    /** The seed at the start of v's representative chain, walked back level by level without allocating. */
    private String seedOf(AssetTrace a, Direction d, int v) {
        return ledger.address(seedId(a, d, v));
    }

    /** Chain-wide address id of {@link #seedOf}. */
    private int seedId(AssetTrace a, Direction d, int v) {
        Reach r = reach(a, d);
        AssetGraph g = a.graph();
        int cur = v;
        for (int h = r.hop[v]; h >= 1; h--) {
            int e = r.levelEdge[h][cur];
            cur = d == Direction.FORWARD ? g.src[e] : g.dst[e];
        }
        return g.global[cur];
    }

    /** Forward: haircut taint received. Backward: see {@link BackwardAmounts}. Raw units, an exact integer. */
    public BigInteger amount(AssetTrace a, Direction d, int v) {
        if (d == Direction.BACKWARD) return a.backwardAmounts()[v];
        return a.taint().received(v);
    }
}
