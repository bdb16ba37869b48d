package dev.fundtrace.cli;

import dev.fundtrace.FundtraceApplication;
import dev.fundtrace.batch.RunDefinition;
import dev.fundtrace.batch.RunParameters;
import dev.fundtrace.batch.Summary;
import dev.fundtrace.database.DatabaseUrl;
import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.runlock.RunLock;
import dev.fundtrace.runlock.RunLockHeldException;
import dev.fundtrace.batch.TraceJobConfiguration;
import dev.fundtrace.designation.DesignationFileException;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.JobFileLoader;
import dev.fundtrace.store.RunDao;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run}, {@code validate} and {@code history}, as job-file.md specifies. Exit status: 0 completed,
 * 1 the run failed (run the same command again to resume), 2 the job file or arguments are invalid.
 */
public final class FundtraceCommandLine {

    static final String USAGE = """
            usage: fundtrace run <job-file> [--run-date=YYYY-MM-DD] [--report-dir=DIR] [--db=JDBC_URL] [--rerun]
                   fundtrace validate <job-file>
                   fundtrace history [<job-name>] [--db=JDBC_URL]""";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FundtraceCommandLine.class);

    private final Map<String, Object> extraProperties = new HashMap<>();
    private final HeapPeak heapPeak = new HeapPeak();

    /** Extra Spring properties (tests point the data folder elsewhere). */
    public FundtraceCommandLine with(String key, Object value) {
        extraProperties.put(key, value);
        return this;
    }

    public int execute(String... args) {
        if (args.length == 0) return usage("no command given");
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            return switch (args[0]) {
                case "run" -> run(o);
                case "validate" -> validate(o);
                case "history" -> history(o);
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (JobFileException | DesignationFileException e) {
            System.err.println("fundtrace: " + e.getMessage());
            return 2;
        }
    }

    private int run(Options o) {
        if (o.positional.isEmpty()) return usage("run needs a job file");
        if (o.positional.size() > 1) return usage("unexpected argument '" + o.positional.get(1) + "' after the job file");
        JobFileLoader loader = new JobFileLoader();
        Path jobFile = Path.of(o.positional.get(0));
        String text = JobFileLoader.read(jobFile);
        JobDefinition job = loader.parse(jobFile, text);
        loader.checkInputsExist(job);
        DatabaseChoice db;
        try {
            db = DatabaseChoice.of(o.db, extraProperties);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        RunLock held;
        try {
            held = lock(db, job.name(), "run");
        } catch (java.io.UncheckedIOException e) {
            // the data folder cannot even hold the lock file: say why in the preflight's words
            System.err.println("fundtrace: " + Preflight.dataFolder(db.dataDir()).orElse(e.getMessage()));
            return 1;
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: " + e.getMessage() + "; nothing done.");
            return 1;
        } catch (RuntimeException e) {
            return failed(e); // e.g. PostgreSQL unreachable
        }
        try (RunLock lock = held) {
            // the folders are tried under the lock: a start refused because a run is live writes nothing
            var unwritable = Preflight.dataFolder(db.dataDir())
                    .or(() -> Preflight.reportFolder(o.reportDir != null ? o.reportDir : job.report().dir()));
            if (unwritable.isPresent()) {
                System.err.println("fundtrace: " + unwritable.get());
                return 1;
            }
            return launch(o, job, text, db);
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: " + e.getMessage() + "; nothing done.");
            return 1;
        } catch (JobFileException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(e); // e.g. PostgreSQL unreachable
        }
    }

    /** The job itself, under the run lock: a run found STARTED was left by a process that is gone. */
    private int launch(Options o, JobDefinition job, String text, DatabaseChoice db) {
        try (ConfigurableApplicationContext ctx = context(db)) {
            JobOperator operator = ctx.getBean(JobOperator.class);
            JobRepository repository = ctx.getBean(JobRepository.class);
            var params = RunParameters.toJobParameters(job.jobFile(), job.name(), o.runDate,
                    o.rerun ? Instant.now().toString() : null, o.reportDir);
            var instance = repository.getJobInstance(TraceJobConfiguration.JOB, params);
            if (instance != null && repository.getJobExecutions(instance).isEmpty()) {
                // killed between creating the job instance and its first execution (two commits in Spring Batch,
                // and H2 writes commits to disk up to half a second late): nothing ran, so start afresh
                System.err.println("fundtrace: a run interrupted while starting left no execution; starting it again");
                repository.deleteJobInstance(instance);
            }
            JobExecution last = repository.getLastJobExecution(TraceJobConfiguration.JOB, params);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                System.err.println("fundtrace: " + job.name() + " already completed for " + o.runDate
                        + "; nothing done. Pass --rerun to rebuild the report.");
                return 0;
            }
            if (last != null && last.getStatus().isRunning()) {
                // this process holds the run lock, so the process that ran it is gone (killed, crashed, rebooted)
                System.err.println("fundtrace: the run of " + o.runDate + " was interrupted (its process is gone);"
                        + " resuming it where it stopped (execution " + last.getId() + ")");
                operator.recover(last);
            } else if (last != null) {
                System.err.println("fundtrace: resuming the failed run of " + o.runDate + " where it stopped");
            }
            // a resumed run goes on with the definition it started with
            String kept = last == null ? null : RunDefinition.keptText(last);
            if (kept != null && !kept.equals(text)) {
                System.err.println("fundtrace: " + job.jobFile() + " has changed since this run started; resuming with"
                        + " the definition it started with (--rerun starts a run with the new one)");
                text = kept;
                job = new JobFileLoader().parse(job.jobFile(), kept);
            }
            Job batchJob = ctx.getBean(TraceJobConfiguration.TraceJobs.class).forRun(job, text);
            JobExecution execution = operator.start(batchJob, params);
            System.err.println("[run] " + execution.getStatus() + "; peak heap " + heapPeak.megabytes() + " MB");
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                String summary = Summary.of(execution);
                if (summary != null) System.out.print(summary);
                System.out.flush();
                return 0;
            }
            String why = execution.getAllFailureExceptions().stream().map(FundtraceCommandLine::firstMessage)
                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
            String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                    .map(s -> s.getStepName()).findFirst().orElse(null);
            System.err.println("fundtrace: run failed" + (step == null ? "" : " in step '" + step + "'") + ": "
                    + (why == null || why.isBlank() ? execution.getStatus().toString() : why));
            System.err.println("fundtrace: fix the cause and run the same command again to resume from that step.");
            return 1;
        } catch (JobFileException e) {
            throw e;
        } catch (Exception e) {
            return failed(e);
        }
    }

    /** A run that failed outside its steps: one sentence here, the stack trace in the log file only (logback-spring.xml). */
    private static int failed(Exception e) {
        LOG.error("run failed", e);
        System.err.println("fundtrace: run failed: " + rootMessage(e));
        return 1;
    }

    /** The data folder is made owner-only before anything is written in it, then the lock is taken. */
    private static RunLock lock(DatabaseChoice db, String job, String command) {
        try {
            OwnerOnlyFiles.createDirectories(db.dataDir());
            OwnerOnlyFiles.restrict(db.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data folder " + db.dataDir() + ": " + e.getMessage(), e);
        }
        return RunLock.acquire(db.url(), job, command, db.credentials());
    }

    private int validate(Options o) {
        if (o.positional.isEmpty()) return usage("validate needs a job file");
        if (o.positional.size() > 1) return usage("unexpected argument '" + o.positional.get(1) + "' after the job file");
        JobDefinition job = new Validation().check(Path.of(o.positional.get(0)));
        System.out.println("fundtrace: " + job.jobFile() + " is valid (job '" + job.name() + "')");
        return 0;
    }

    private int history(Options o) {
        if (o.positional.size() > 1) return usage("history takes at most one job name; unexpected argument '" + o.positional.get(1) + "'");
        DatabaseChoice db;
        try {
            db = DatabaseChoice.of(o.db, extraProperties);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        // the embedded file opens in one process at a time: history takes its lock like a run (a server needs none)
        try (RunLock lock = db.url().kind() == DatabaseUrl.Kind.H2_FILE ? lock(db, "(all jobs)", "history") : null;
             ConfigurableApplicationContext ctx = context(db)) {
            List<RunDao.RunRow> rows = ctx.getBean(RunDao.class).history(o.positional.isEmpty() ? null : o.positional.get(0));
            if (rows.isEmpty()) {
                System.out.println("no runs recorded");
                return 0;
            }
            System.out.printf("%-20s %-10s %-10s %-6s %-20s %8s %7s %4s %4s %4s  %s%n", "job", "run date", "status", "rerun",
                    "started", "transfers", "reached", "HIGH", "MED", "LOW", "report");
            for (var r : rows) {
                System.out.printf("%-20s %-10s %-10s %-6s %-20s %8s %7s %4s %4s %4s  %s%n", r.jobName(), r.runDate(), r.status(),
                        r.rerun() ? "yes" : "", r.startedAt().toString().substring(0, 19), n(r.transfers()), n(r.reached()),
                        n(r.high()), n(r.medium()), n(r.low()), r.reportDir() == null ? (r.message() == null ? "" : r.message()) : r.reportDir());
            }
            return 0;
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: history is readable once that run ends (" + e.getMessage() + ")");
            return 1;
        } catch (RuntimeException e) {
            // e.g. PostgreSQL unreachable or wrong credentials: one line, not a stack trace (that goes to the log file)
            LOG.error("history failed", e);
            System.err.println("fundtrace: history failed: " + rootMessage(e));
            return 1;
        }
    }

    private static String n(Object v) { return v == null ? "-" : v.toString(); }

    /**
     * Spring with the database chosen here. The URL is a command-line property: builder properties are Spring's
     * default properties and lose to application.properties. The H2 file is made owner-only once it exists.
     */
    private ConfigurableApplicationContext context(DatabaseChoice db) {
        Map<String, Object> props = new HashMap<>(extraProperties);
        LogFile.prepare(db.dataDir());
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url().jdbcUrl(),
                "--fundtrace.data-dir=" + db.dataDir()));
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(FundtraceApplication.class).properties(props)
                .logStartupInfo(false).run(args.toArray(String[]::new));
        if (db.url().h2File() != null) {
            Path h2 = db.url().h2File();
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".mv.db"));
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".trace.db"));
        }
        return ctx;
    }

    /** The outermost message that says something: fundtrace's own exceptions compose a sentence with the cause. */
    private static String firstMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        }
        return t.toString();
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static int usage(String why) {
        System.err.println("fundtrace: " + why);
        System.err.println(USAGE);
        return 2;
    }

    /** Parsed command line. */
    static final class Options {
        final List<String> positional = new ArrayList<>();
        LocalDate runDate = LocalDate.now(ZoneOffset.UTC);
        Path reportDir;
        String db;
        boolean rerun;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--run-date=")) {
                    try {
                        o.runDate = LocalDate.parse(a.substring(11));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--run-date must be YYYY-MM-DD, not '" + a.substring(11) + "'");
                    }
                } else if (a.startsWith("--report-dir=")) o.reportDir = Path.of(a.substring(13));
                else if (a.startsWith("--db=")) o.db = a.substring(5);
                else if (a.equals("--rerun")) o.rerun = true;
                else if (a.startsWith("--")) throw new IllegalArgumentException("unknown option '" + a + "'");
                else o.positional.add(a);
            }
            return o;
        }
    }
}
