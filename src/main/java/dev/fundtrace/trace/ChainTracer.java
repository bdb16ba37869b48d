package dev.fundtrace.trace;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.LedgerView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Traces every asset of one chain in which a seed took part: builds the asset's graph once, then runs the
 * forward poison reach, the haircut pass and the backward reach over it.
 */
public final class ChainTracer {

    private final LedgerView ledger;

    public ChainTracer(LedgerView ledger) {
        this.ledger = ledger;
    }

    /**
     * @param seedAddresses     lower-case addresses of the selected designations on this chain
     * @param serviceAddresses  lower-case labelled addresses on this chain
     */
    public ChainTrace trace(Collection<String> seedAddresses, Collection<String> serviceAddresses, TraceParameters p) {
        boolean[] seedG = new boolean[ledger.addressCount()];
        boolean[] serviceG = new boolean[ledger.addressCount()];
        for (String s : seedAddresses) { int id = ledger.addressId(s); if (id >= 0) seedG[id] = true; }
        for (String s : serviceAddresses) { int id = ledger.addressId(s); if (id >= 0) serviceG[id] = true; }

        boolean[] assetHasSeed = new boolean[ledger.assetCount()];
        for (int i = 0, size = ledger.size(); i < size; i++) {
            if (ledger.movesValue(i) && (seedG[ledger.from(i)] || seedG[ledger.to(i)])) assetHasSeed[ledger.asset(i)] = true;
        }
        AssetGraphBuilder builder = new AssetGraphBuilder(ledger);
        List<AssetTrace> traces = new ArrayList<>();
        for (int a = 0; a < ledger.assetCount(); a++) {
            if (!assetHasSeed[a]) continue;
            AssetInfo info = ledger.assetInfo(a);
            AssetGraph g = builder.build(a, p.dustRaw().get(info.asset()));
            boolean[] seed = new boolean[g.n], service = new boolean[g.n];
            for (int v = 0; v < g.n; v++) {
                seed[v] = seedG[g.global[v]];
                service[v] = serviceG[g.global[v]] && !seed[v];
            }
            // the two directions only read the graph: the backward one runs on a second core meanwhile
            var backward = CompletableFuture.supplyAsync(() -> {
                Reach back = p.backward() ? TemporalReach.backward(g, seed, service, p.maxHops()) : null;
                return new Backward(back, back == null ? null : BackwardAmounts.compute(g, ledger, seed, service, back));
            });
            Reach fwd = p.forward() ? TemporalReach.forward(g, seed, service, p.maxHops()) : null;
            Taint taint = fwd == null ? null : HaircutTaint.compute(g, ledger, seed, service, fwd);
            Reach back = backward.join().reach();
            var backAmounts = backward.join().amounts();
            traces.add(new AssetTrace(info.asset(), info.displaySymbol(), info.decimals(), g, seed, service, fwd, taint,
                    back, backAmounts));
        }
        return new ChainTrace(ledger, traces);
    }

    private record Backward(Reach reach, java.math.BigInteger[] amounts) {}
}
