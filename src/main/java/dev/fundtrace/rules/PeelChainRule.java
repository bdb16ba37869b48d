package dev.fundtrace.rules;

import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Reach;

import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PEEL_CHAIN on Ethereum (report.md): three or more consecutive peel steps, one LOW flag per chain.
 *
 * <p>A <em>peel step</em> is an address v of an asset's graph that
 * <ul>
 *   <li>is tainted: reached by the forward poison trace, not a seed, not labelled;</li>
 *   <li>after its first tainted inflow (the earliest transfer by which the forward trace reaches it) and before
 *       its next inflow of the asset (any, tainted or not; none: to the end of the export) sends exactly two
 *       transfers of the asset;</li>
 *   <li>of which the larger is at least 90% of the two ({@code large >= 9 * small}, exact) and the smaller
 *       moves something (a zero-value token transfer peels nothing off);</li>
 *   <li>and the larger goes to a <em>fresh</em> address, the smaller to another one. Fresh: the larger transfer
 *       is the address's first transfer in the whole export, in or out, of any asset. Transfers below the job's
 *       dust limit count here (a dusted address has been seen before), reverted ones do not (they are no
 *       transfers). Another asset's transfer in the same block counts as earlier: orders of two assets in one
 *       block cannot be compared (ETH by transaction index, tokens by log index).</li>
 * </ul>
 * Transfers below the dust limit are not counted among the two sends or the inflows, as the trace ignores them.
 *
 * <p>Steps are consecutive when the next step is the fresh address of the previous one. Each fresh address has
 * one first transfer, so at most one step leads to it, and the steps form simple chains. Only maximal chains of
 * three or more steps are flagged, once, at the first step's address; a sub-chain is not flagged again.
 *
 * <p>The flag rests on the forward flow to the first step (its hops and seed). Its evidence is the tx hash of
 * each step's larger, onward transfer, in chain order: one hash per step as on UTXO chains (utxo.md), and each
 * leads to the next step, so the evidence can be followed hop by hop. The peeled-off transfers go to reached
 * addresses with exposures of their own; the explanation gives their total.
 */
final class PeelChainRule implements FlagRule {

    static final int MIN_STEPS = 3;
    private static final BigInteger NINE = BigInteger.valueOf(9);

    /** A peel step of one asset: its address, its two sends (local ids and edge ids) and its fresh address. */
    private static final class Step {
        final AssetTrace asset;
        final int address, onward, peel, fresh;
        boolean freshInExport = true;

        Step(AssetTrace asset, int address, int onward, int peel, int fresh) {
            this.asset = asset;
            this.address = address;
            this.onward = onward;
            this.peel = peel;
            this.fresh = fresh;
        }
    }

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        ChainTrace trace = context.trace();
        List<Step> candidates = new ArrayList<>();
        for (AssetTrace a : trace.assets()) {
            if (a.forward() != null) candidates(trace.ledger(), a, candidates);
        }
        if (candidates.isEmpty()) return;
        checkFreshInExport(trace.ledger(), candidates);
        for (AssetTrace a : trace.assets()) chains(trace, a, candidates, hits);
    }

    /** Steps by their shape within the asset's graph; whether the fresh address is new to the export is left open. */
    private static void candidates(LedgerView ledger, AssetTrace a, List<Step> out) {
        AssetGraph g = a.graph();
        Reach fwd = a.forward();
        for (int v = 0; v < g.addressCount(); v++) {
            if (a.seed()[v] || a.service()[v] || !fwd.reached(v)) continue;
            int first = fwd.firstArrival(v);
            int next = g.firstInAfter(v, first);
            int nextInflow = next < g.inEnd(v) ? g.inEdgeAt(next) : Integer.MAX_VALUE;
            int i = g.firstOutAfter(v, first);
            if (i + 1 >= g.outEnd(v)) continue;
            int e1 = g.outEdgeAt(i), e2 = g.outEdgeAt(i + 1);
            if (e2 >= nextInflow) continue; // the second send is not before the next inflow
            if (i + 2 < g.outEnd(v) && g.outEdgeAt(i + 2) < nextInflow) continue; // a third send
            int large, small;
            if (atLeastNineTimes(ledger, g.ledgerRow(e1), g.ledgerRow(e2))) {
                large = e1;
                small = e2;
            } else if (atLeastNineTimes(ledger, g.ledgerRow(e2), g.ledgerRow(e1))) {
                large = e2;
                small = e1;
            } else {
                continue;
            }
            int w = g.dst(large);
            if (w == v || g.dst(small) == w || !firstInAsset(g, w, large)) continue;
            out.add(new Step(a, v, large, small, w));
        }
    }

    /** {@code large >= 9 * small} with {@code small > 0}, exactly. */
    private static boolean atLeastNineTimes(LedgerView ledger, int largeRow, int smallRow) {
        if (ledger.isSmall(largeRow) && ledger.isSmall(smallRow)) {
            long s = ledger.smallAmount(smallRow);
            return s > 0 && s <= ledger.smallAmount(largeRow) / 9; // floor(L / 9) >= s  <=>  L >= 9 s
        }
        BigInteger s = ledger.amount(smallRow);
        return s.signum() > 0 && ledger.amount(largeRow).compareTo(s.multiply(NINE)) >= 0;
    }

    /** Within the asset's graph, {@code edge} is w's first transfer. */
    private static boolean firstInAsset(AssetGraph g, int w, int edge) {
        return g.inEdgeAt(g.inBegin(w)) == edge && (g.outBegin(w) == g.outEnd(w) || g.outEdgeAt(g.outBegin(w)) > edge);
    }

    /** One pass over the ledger: a candidate whose fresh address had an earlier transfer of any asset is no step. */
    private static void checkFreshInExport(LedgerView ledger, List<Step> candidates) {
        Map<Integer, List<Step>> byFresh = new HashMap<>();
        BitSet marked = new BitSet(ledger.addressCount());
        for (Step s : candidates) {
            int global = s.asset.graph().globalAddress(s.fresh);
            byFresh.computeIfAbsent(global, k -> new ArrayList<>()).add(s);
            marked.set(global);
        }
        for (int row = 0; row < ledger.size(); row++) {
            if (!ledger.movesValue(row)) continue;
            int from = ledger.from(row), to = ledger.to(row);
            if (marked.get(from)) markEarlier(ledger, byFresh.get(from), row);
            if (to != from && marked.get(to)) markEarlier(ledger, byFresh.get(to), row);
        }
    }

    private static void markEarlier(LedgerView ledger, List<Step> steps, int row) {
        long key = ledger.key(row);
        int asset = ledger.asset(row);
        for (Step s : steps) {
            int peelRow = s.asset.graph().ledgerRow(s.onward);
            long peelKey = ledger.key(peelRow);
            long block = OrderKey.block(key), peelBlock = OrderKey.block(peelKey);
            boolean earlier = block < peelBlock
                    || block == peelBlock && (asset != ledger.asset(peelRow) || key < peelKey);
            if (earlier) s.freshInExport = false;
        }
    }

    /** Links an asset's steps through their fresh addresses and reports each maximal chain long enough. */
    private static void chains(ChainTrace trace, AssetTrace a, List<Step> candidates, Consumer<RuleHit> hits) {
        Map<Integer, Step> byAddress = new TreeMap<>(); // by local id: hits in a stable order
        for (Step s : candidates) if (s.asset == a && s.freshInExport) byAddress.put(s.address, s);
        Set<Integer> continued = new HashSet<>();
        for (Step s : byAddress.values()) if (byAddress.containsKey(s.fresh)) continued.add(s.fresh);
        for (Step start : byAddress.values()) {
            if (continued.contains(start.address)) continue; // inside a chain: its first step reports it
            List<Step> chain = new ArrayList<>();
            for (Step s = start; s != null && chain.size() <= byAddress.size(); s = byAddress.get(s.fresh)) chain.add(s);
            if (chain.size() >= MIN_STEPS) hits.accept(hit(trace, a, chain));
        }
    }

    private static RuleHit hit(ChainTrace trace, AssetTrace a, List<Step> chain) {
        AssetGraph g = a.graph();
        LedgerView ledger = trace.ledger();
        List<String> evidence = new ArrayList<>();
        BigInteger peeled = BigInteger.ZERO;
        for (Step s : chain) {
            evidence.add(ledger.txHash(g.ledgerRow(s.onward)));
            peeled = peeled.add(ledger.amount(g.ledgerRow(s.peel)));
        }
        Step last = chain.get(chain.size() - 1);
        String why = "started a peel chain of " + chain.size() + " steps: each passed at least 90% on to a fresh address"
                + " and peeled off the rest (" + Amounts.display(a, peeled) + " in all); "
                + Amounts.display(a, ledger.amount(g.ledgerRow(last.onward))) + " went on to "
                + trace.address(a, last.fresh);
        return new RuleHit(Rule.PEEL_CHAIN, a, chain.get(0).address, Direction.FORWARD, evidence, why);
    }
}
