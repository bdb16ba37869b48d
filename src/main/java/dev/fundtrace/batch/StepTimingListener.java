package dev.fundtrace.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Prints each step's outcome and time to standard error, with the garbage collector's share of it and the CPU time
 * the whole process spent meanwhile (every thread: a step's own, another thread's work, the JIT compiler's): on a
 * shared machine the wall time says little, the CPU time what the step cost.
 */
final class StepTimingListener implements StepExecutionListener {
    private long started;
    private long gcStarted;
    private long cpuStarted;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started = System.nanoTime();
        gcStarted = gcMillis();
        cpuStarted = cpuNanos();
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        Console.progress(s.getStepName(), s.getStatus() + " in " + String.format("%.2f s (gc %.2f s, cpu %.2f s)",
                (System.nanoTime() - started) / 1e9, (gcMillis() - gcStarted) / 1e3, (cpuNanos() - cpuStarted) / 1e9));
        return null;
    }

    /** The process's CPU time so far, 0 where the JVM does not say. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Collection time so far; with G1 this counts pauses and concurrent cycles alike, an upper bound. */
    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }
}
