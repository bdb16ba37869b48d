package dev.fundtrace.cli;

import dev.fundtrace.batch.RunDefinition;
import dev.fundtrace.batch.RunParameters;
import dev.fundtrace.batch.Summary;
import dev.fundtrace.batch.TraceJobConfiguration;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.JobFileLoader;
import dev.fundtrace.jobfile.MissingInputException;
import dev.fundtrace.runlock.RunLock;
import dev.fundtrace.runlock.RunLockHeldException;
import dev.fundtrace.store.RunDao;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = FundtraceCommand.Version.class,
        description = {"Runs the job for one run date: designations, labels, ledgers, trace, flags, report.",
                "A run that failed or was killed resumes where it stopped when the same command is run again;"
                        + " a run date already completed is not run again (--rerun rebuilds it)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitCode.COMPLETED_LINE, ExitCode.FAILED_LINE, ExitCode.INVALID_LINE, ExitCode.NEW_HIGH_LINE})
final class RunCommand implements Callable<Integer> {

    private final RunEnvironment environment;

    @Parameters(paramLabel = "JOB_FILE", description = "the job file (YAML); relative paths in it resolve against its folder")
    Path jobFile;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDateConverter.class,
            description = "the night to run, also {runDate} in the job file's paths (default: today, UTC)")
    LocalDate runDate;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "the report root, instead of the job file's report.dir")
    Path reportDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://... or jdbc:h2:file:PATH (default: the embedded database in the data folder)")
    String db;

    @Option(names = "--rerun", description = "run a completed run date again; its earlier report folder is kept as <run date>.run-<id>")
    boolean rerun;

    RunCommand(RunEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LocalDate date = runDate != null ? runDate : LocalDate.now(ZoneOffset.UTC);
        DatabaseChoice database = null;
        String refusedDb = null;
        try {
            database = environment.database(db);
        } catch (IllegalArgumentException e) {
            refusedDb = e.getMessage();
        }
        // Spring starts while the job file is read and the lock taken; a refused --db is told after the job file's errors
        try (SpringStart spring = database == null ? null : environment.startSpring(database)) {
            String text = JobFileLoader.read(jobFile);
            JobFileLoader loader = new JobFileLoader();
            JobDefinition job = loader.parse(jobFile, text, date);
            loader.checkInputsExist(job);
            if (refusedDb != null) {
                System.err.println("fundtrace: " + refusedDb);
                return ExitCode.INVALID;
            }
            return underLock(date, job, text, database, spring);
        }
    }

    private int underLock(LocalDate date, JobDefinition job, String text, DatabaseChoice database, SpringStart spring) {
        RunLock held;
        try {
            held = RunEnvironment.lock(database, job.name(), "run");
        } catch (java.io.UncheckedIOException e) {
            // the data folder cannot even hold the lock file: say why in the preflight's words
            System.err.println("fundtrace: " + Preflight.dataFolder(database.dataDir()).orElse(e.getMessage()));
            return ExitCode.FAILED;
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: " + e.getMessage() + "; nothing done.");
            return ExitCode.FAILED;
        } catch (RuntimeException e) {
            return Failures.failed("run failed", e); // e.g. PostgreSQL unreachable
        }
        try (RunLock lock = held) {
            // the folders are tried under the lock: a start refused because a run is live writes nothing
            var unwritable = Preflight.dataFolder(database.dataDir())
                    .or(() -> Preflight.reportFolder(reportDir != null ? reportDir : job.report().dir()));
            if (unwritable.isPresent()) {
                System.err.println("fundtrace: " + unwritable.get());
                return ExitCode.FAILED;
            }
            return launch(date, job, text, spring);
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: " + e.getMessage() + "; nothing done.");
            return ExitCode.FAILED;
        } catch (JobFileException | MissingInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return Failures.failed("run failed", e); // e.g. PostgreSQL unreachable
        }
    }

    /** The job itself, under the run lock: a run found STARTED was left by a process that is gone. */
    private int launch(LocalDate date, JobDefinition job, String text, SpringStart spring) {
        try (ConfigurableApplicationContext ctx = spring.ready()) {
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobRepository repository = ctx.getBean(JobRepository.class);
            RunDao runs = ctx.getBean(RunDao.class);
            var params = RunParameters.toJobParameters(job.jobFile(), job.name(), date,
                    rerun ? Instant.now().toString() : null, reportDir);
            var instance = repository.getJobInstance(TraceJobConfiguration.JOB, params);
            if (instance != null && repository.getJobExecutions(instance).isEmpty()) {
                // killed between creating the job instance and its first execution (two commits in Spring Batch,
                // and H2 writes commits to disk up to half a second late): nothing ran, so start afresh
                System.err.println("fundtrace: a run interrupted while starting left no execution; starting it again");
                repository.deleteJobInstance(instance);
            }
            JobExecution last = repository.getLastJobExecution(TraceJobConfiguration.JOB, params);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                String folder = runs.find(last.getJobInstance().getInstanceId()).map(RunDao.RunRow::reportDir).orElse(null);
                System.err.println("fundtrace: " + job.name() + " already completed for " + date
                        + (folder == null ? "" : "; its report is in " + folder) + "; nothing done."
                        + " Pass --rerun to rebuild the report.");
                return ExitCode.COMPLETED;
            }
            if (last != null && last.getStatus().isRunning()) {
                // this process holds the run lock, so the process that ran it is gone (killed, crashed, rebooted)
                System.err.println("fundtrace: the run of " + date + " was interrupted (its process is gone);"
                        + " resuming it where it stopped (execution " + last.getId() + ")");
                operator.recover(last);
            } else if (last != null) {
                System.err.println("fundtrace: resuming the failed run of " + date + " where it stopped");
            }
            // a resumed run goes on with the definition it started with
            String kept = last == null ? null : RunDefinition.keptText(last);
            if (kept != null && !kept.equals(text)) {
                System.err.println("fundtrace: " + job.jobFile() + " has changed since this run started; resuming with"
                        + " the definition it started with (--rerun starts a run with the new one)");
                text = kept;
                job = new JobFileLoader().parse(job.jobFile(), kept, date);
            }
            if (rerun && last == null) {
                EarlierReport.keep(runs, job.name(), date, reportDir != null ? reportDir : job.report().dir());
            }
            Job batchJob = ctx.getBean(TraceJobConfiguration.TraceJobs.class).forRun(job, text);
            JobExecution execution = operator.start(batchJob, params);
            System.err.println("[run] " + execution.getStatus() + "; peak heap " + spring.heapPeakMegabytes() + " MB");
            if (execution.getStatus() == BatchStatus.COMPLETED) return completed(job, execution);
            String why = execution.getAllFailureExceptions().stream().map(Failures::firstMessage)
                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
            String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                    .map(s -> s.getStepName()).findFirst().orElse(null);
            System.err.println("fundtrace: run failed" + (step == null ? "" : " in step '" + step + "'") + ": "
                    + (why == null || why.isBlank() ? execution.getStatus().toString() : why));
            System.err.println("fundtrace: fix the cause and run the same command again to resume from that step.");
            return ExitCode.FAILED;
        } catch (JobFileException | MissingInputException e) {
            throw e;
        } catch (Exception e) {
            return Failures.failed("run failed", e);
        }
    }

    /** The summary on standard output; exit 3 when the job asks to be told of new HIGH flags and there are some. */
    private static int completed(JobDefinition job, JobExecution execution) {
        String summary = Summary.of(execution);
        if (summary != null) System.out.print(summary);
        System.out.flush();
        int newHigh = Summary.newHighFlags(execution);
        if (job.report().exitOnNewHigh() && newHigh > 0) {
            System.err.println("fundtrace: " + newHigh + " new HIGH flag" + (newHigh == 1 ? "" : "s")
                    + " since the last run; exit 3 (report.exitOnNewHigh)");
            return ExitCode.NEW_HIGH_FLAGS;
        }
        return ExitCode.COMPLETED;
    }
}
