package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What identifies a run: the job's name and run date (and a rerun stamp when asked to rebuild a completed run),
 * plus the job file and report folder, which do not identify it; and the definition the run goes by.
 */
public record RunParameters(long runId, Path jobFile, String jobName, LocalDate runDate, boolean rerun, Path reportDir,
                            JobDefinition job) {

    static final String JOB_FILE = "jobFile", JOB_NAME = "jobName", RUN_DATE = "runDate", RERUN = "rerun",
            REPORT_DIR = "reportDir";

    public static JobParameters toJobParameters(Path jobFile, String jobName, LocalDate runDate, String rerunStamp,
                                                Path reportDir) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(JOB_NAME, jobName)
                .addString(RUN_DATE, runDate.toString())
                .addString(JOB_FILE, jobFile.toAbsolutePath().normalize().toString(), false);
        if (reportDir != null) b.addString(REPORT_DIR, reportDir.toAbsolutePath().normalize().toString(), false);
        if (rerunStamp != null) b.addString(RERUN, rerunStamp);
        return b.toJobParameters();
    }

    static RunParameters of(ChunkContext chunk) {
        return of(chunk.getStepContext().getStepExecution().getJobExecution());
    }

    static RunParameters of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        String report = p.getString(REPORT_DIR);
        Path jobFile = Path.of(p.getString(JOB_FILE));
        return new RunParameters(execution.getJobInstance().getInstanceId(), jobFile,
                p.getString(JOB_NAME), LocalDate.parse(p.getString(RUN_DATE)), p.getString(RERUN) != null,
                report == null ? null : Path.of(report), RunDefinition.of(execution, jobFile));
    }

    /** The report folder root: --report-dir wins over the job file's report.dir. */
    Path reportRoot(JobDefinition job) {
        return reportDir != null ? reportDir : job.report().dir();
    }
}
