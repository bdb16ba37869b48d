package dev.fundtrace.bench;

import dev.fundtrace.trace.HaircutTaint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Thread CPU time of {@link HaircutTaint#compute} on {@link TraceKernelBenchmark}'s graph: minimum, median and
 * maximum of RUNS passes after 15 warm-ups, and the bytes one pass allocates. On a shared machine the CPU time's
 * minimum moves less than JMH's wall time.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:<test classpath> dev.fundtrace.bench.HaircutCpuTime
 * TRANSFERS RUNS} (e.g. 1000000 60).
 */
public final class HaircutCpuTime {
    public static void main(String[] args) {
        TraceKernelBenchmark b = new TraceKernelBenchmark();
        b.transfers = Integer.parseInt(args[0]);
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int warm = 15, runs = Integer.parseInt(args[1]);
        Object sink = null;
        for (int i = 0; i < warm; i++) sink = HaircutTaint.compute(b.graph, b.ledger, b.seed, b.service, b.forward);
        long[] cpu = new long[runs];
        com.sun.management.ThreadMXBean smx = (com.sun.management.ThreadMXBean) mx;
        long a0 = smx.getCurrentThreadAllocatedBytes();
        sink = HaircutTaint.compute(b.graph, b.ledger, b.seed, b.service, b.forward);
        System.out.printf("allocated per compute: %.1f MB; graph n=%d m=%d%n", (smx.getCurrentThreadAllocatedBytes() - a0) / 1e6,
                b.graph.addressCount(), b.graph.edgeCount());
        for (int i = 0; i < runs; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink = HaircutTaint.compute(b.graph, b.ledger, b.seed, b.service, b.forward);
            cpu[i] = mx.getCurrentThreadCpuTime() - t0;
        }
        java.util.Arrays.sort(cpu);
        System.out.printf("haircut cpu ms: min %.1f median %.1f max %.1f (%d runs, %s)%n", cpu[0] / 1e6, cpu[runs / 2] / 1e6,
                cpu[runs - 1] / 1e6, runs, sink.getClass().getSimpleName());
    }
}
