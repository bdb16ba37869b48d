package dev.fundtrace.bench;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.SegmentBuilder;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetGraphBuilder;
import dev.fundtrace.trace.HaircutTaint;
import dev.fundtrace.trace.Reach;
import dev.fundtrace.trace.TemporalReach;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH over the inner tracing kernels on one in-memory asset graph: Zipf-like addresses, a few hub services,
 * three seeds active early (so the 4-hop reach is large). Run with {@code mvn -Pbench verify} or
 * {@code java -cp <test classpath> org.openjdk.jmh.Main TraceKernelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TraceKernelBenchmark {

    @Param({"1000000"})
    public int transfers;

    ChainLedger ledger;
    AssetGraph graph;
    boolean[] seed, service;
    Reach forward;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        int addresses = transfers / 5;
        SegmentBuilder b = new SegmentBuilder(Chain.ETHEREUM, transfers);
        int[] ids = new int[addresses + 8];
        for (int i = 0; i < ids.length; i++) ids[i] = b.addresses().intern(0, i, i * 31L);
        byte[] hash = new byte[32];
        for (int i = 0; i < transfers; i++) {
            int f = pick(rnd, addresses, i), t = pick(rnd, addresses, i + 1);
            if (f == t) t = rnd.nextInt(addresses) + 8;
            b.add(0, OrderKey.of(1000 + i / 150, i % 150, 0), ids[f], ids[t], 1 + (long) Math.exp(rnd.nextDouble() * 40), null,
                    hash, 0, TransferKind.NATIVE);
        }
        ledger = ChainLedger.of(b);
        graph = new AssetGraphBuilder(ledger).build(0, null);
        seed = new boolean[graph.addressCount()];
        service = new boolean[graph.addressCount()];
        for (int v = 0; v < graph.addressCount(); v++) {
            int g = graph.globalAddress(v);
            seed[v] = g < 3;
            service[v] = g >= 3 && g < 8;
        }
        forward = TemporalReach.forward(graph, seed, service, 4);
    }

    /** ids 0-2 are seeds (early), 3-7 hubs (services, 10% of transfers), the rest Zipf-like. */
    private static int pick(SplittableRandom rnd, int addresses, int i) {
        int r = rnd.nextInt(1000);
        if (i < 20_000 && r < 20) return rnd.nextInt(3);
        if (r < 100) return 3 + rnd.nextInt(5);
        return 8 + (int) (Math.pow(rnd.nextDouble(), 2.5) * addresses);
    }

    @Benchmark
    public AssetGraph buildGraph() {
        return new AssetGraphBuilder(ledger).build(0, null);
    }

    @Benchmark
    public Reach forwardReach() {
        return TemporalReach.forward(graph, seed, service, 4);
    }

    @Benchmark
    public Reach backwardReach() {
        return TemporalReach.backward(graph, seed, service, 4);
    }

    @Benchmark
    public Object haircut() {
        return HaircutTaint.compute(graph, ledger, seed, service, forward);
    }
}
