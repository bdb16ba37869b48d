package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobFileLoader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job definition a run goes by: the job file's text is kept in the job's execution context when the run
 * starts, and Spring Batch hands that context to every execution that resumes it, so a resumed run goes on with the
 * definition it started with even if the file has changed since. Parsed once per execution, for every step.
 */
public final class RunDefinition {
    private RunDefinition() {}

    static final String TEXT = "fundtrace.jobFile.text";

    private static final Map<Long, JobDefinition> parsed = new ConcurrentHashMap<>();

    /** The text a run of this execution's job instance started with, or null for a run not started yet. */
    public static String keptText(JobExecution execution) {
        ExecutionContext c = execution.getExecutionContext();
        return c.containsKey(TEXT) ? c.getString(TEXT) : null;
    }

    /** At the start of an execution: keeps {@code text} unless the run already keeps the one it started with. */
    static void keep(JobExecution execution, String text) {
        if (keptText(execution) == null) execution.getExecutionContext().putString(TEXT, text);
    }

    static JobDefinition of(JobExecution execution, Path jobFile) {
        return parsed.computeIfAbsent(execution.getId(), id -> {
            String text = keptText(execution);
            // {runDate} in its paths is this run's own date, also when it is resumed on another day
            LocalDate runDate = LocalDate.parse(execution.getJobParameters().getString(RunParameters.RUN_DATE));
            // a run started before definitions were kept with it reads its file
            return new JobFileLoader().parse(jobFile, text == null ? JobFileLoader.read(jobFile) : text, runDate);
        });
    }

    static void forget(JobExecution execution) {
        parsed.remove(execution.getId());
    }
}
