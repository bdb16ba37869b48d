package dev.fundtrace.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Prints each step's outcome and time to standard error. */
final class StepTimingListener implements StepExecutionListener {
    private long started;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started = System.nanoTime();
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        Console.progress(s.getStepName(), s.getStatus() + " in " + String.format("%.2f s", (System.nanoTime() - started) / 1e9));
        return null;
    }
}
