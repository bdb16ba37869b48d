package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.store.RunDao;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.Map;

/**
 * The nightly trace job: designations → labels → ledger → trace → flags → report. Each step is a tasklet that
 * replaces its own rows for the run, so a failed run resumes at the failed step without doubling anything.
 * No incrementer: the job name and run date identify a run (a completed one is not run twice). The steps and what
 * they share are listed, not scanned for.
 */
@Configuration(proxyBeanMethods = false)
@Import({DesignationsStep.class, LabelsStep.class, LedgerStep.class, UtxoLedgerStep.class, TraceStep.class, FlagStep.class,
        ReportStep.class, FlagComparison.class, TraceRunner.class, ExposureWriter.class, RunFiles.class, LedgerCache.class,
        TraceCache.class, CoinLedgers.class, RpcLedgerSource.class, AuditTrail.class, FlagReviews.class})
public class TraceJobConfiguration {

    public static final String JOB = "fundtraceJob";

    @Bean
    LedgerStore ledgerStore(@Value("${fundtrace.data-dir:./data}") String dataDir, JdbcTemplate jdbc,
                            PlatformTransactionManager tx) {
        return new LedgerStore(Path.of(dataDir).resolve("ledger"), jdbc, new TransactionTemplate(tx));
    }

    @Bean
    TraceJobs traceJobs(JobRepository jobRepository, PlatformTransactionManager tx, RunDao runs,
                        DesignationsStep designations, LabelsStep labels, LedgerStep accountLedger,
                        UtxoLedgerStep utxoLedger, TraceStep trace, FlagStep flags, ReportStep report) {
        return (definition, text) -> {
            var steps = new JobBuilder(JOB, jobRepository)
                    .listener(new KeepDefinitionListener(jobRepository, text))
                    .listener(new RunHistoryListener(runs))
                    .start(step("designations", designations, jobRepository, tx))
                    .next(step("labels", labels, jobRepository, tx));
            // one ledger step per chain the job traces, by the chain's family
            for (var chain : definition.ledger().chains().entrySet()) {
                Tasklet load = switch (chain.getValue()) {
                    case JobDefinition.EthereumLedger e -> accountLedger;
                    case JobDefinition.UtxoLedger u -> utxoLedger.forChain(chain.getKey());
                };
                steps = steps.next(step("ledger-" + chain.getKey(), load, jobRepository, tx));
            }
            return steps.next(step("trace", trace, jobRepository, tx))
                    .next(step("flags", flags, jobRepository, tx))
                    .next(step("report", report, jobRepository, tx))
                    .build();
        };
    }

    /** The job for one run, built from the definition the run goes by (its chains decide its ledger steps). */
    @FunctionalInterface
    public interface TraceJobs {
        Job forRun(JobDefinition definition, String jobFileText);
    }

    /** Keeps the job file's text with the run at its first start, at once (see {@link RunDefinition}). */
    record KeepDefinitionListener(JobRepository repository, String text) implements JobExecutionListener {
        @Override
        public void beforeJob(JobExecution execution) {
            RunDefinition.keep(execution, text);
            repository.updateExecutionContext(execution);
        }

        @Override
        public void afterJob(JobExecution execution) {
            RunDefinition.forget(execution);
        }
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repo, PlatformTransactionManager tx) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).listener(new StepTimingListener()).build();
    }

    /** Keeps run_history (what `fundtrace history` shows) in step with the job's executions. */
    record RunHistoryListener(RunDao runs) implements JobExecutionListener {
        @Override
        public void beforeJob(JobExecution execution) {
            RunParameters p = RunParameters.of(execution);
            runs.started(p.runId(), p.jobName(), p.runDate(), p.rerun());
        }

        @Override
        public void afterJob(JobExecution execution) {
            String message = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst().orElse(null);
            runs.finished(RunParameters.of(execution).runId(), execution.getStatus().name(), message);
        }
    }
}
