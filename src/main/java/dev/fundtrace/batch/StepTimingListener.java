package dev.fundtrace.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** Prints each step's outcome and time to standard error, with the garbage collector's share of it. */
final class StepTimingListener implements StepExecutionListener {
    private long started;
    private long gcStarted;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started = System.nanoTime();
        gcStarted = gcMillis();
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        Console.progress(s.getStepName(), s.getStatus() + " in " + String.format("%.2f s (gc %.2f s)",
                (System.nanoTime() - started) / 1e9, (gcMillis() - gcStarted) / 1e3));
        return null;
    }

    /** Collection time so far; with G1 this counts pauses and concurrent cycles alike, an upper bound. */
    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }
}
