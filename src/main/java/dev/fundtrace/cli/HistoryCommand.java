package dev.fundtrace.cli;

import dev.fundtrace.database.DatabaseUrl;
import dev.fundtrace.runlock.RunLock;
import dev.fundtrace.runlock.RunLockHeldException;
import dev.fundtrace.store.RunDao;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = FundtraceCommand.Version.class,
        description = "Lists one line per run (and per --rerun): status, started, transfers, addresses reached,"
                + " flags by severity and the report folder.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed", "1:the database cannot be read (or a run holds the embedded database)", ExitCode.INVALID_LINE})
final class HistoryCommand implements Callable<Integer> {

    private final RunEnvironment environment;

    @Parameters(paramLabel = "JOB_NAME", arity = "0..1", description = "only this job's runs (default: every job)")
    String jobName;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "jdbc:postgresql://... or jdbc:h2:file:PATH (default: the embedded database in the data folder)")
    String db;

    HistoryCommand(RunEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DatabaseChoice database;
        try {
            database = environment.database(db);
        } catch (IllegalArgumentException e) {
            System.err.println("fundtrace: " + e.getMessage());
            return ExitCode.INVALID;
        }
        // the embedded file opens in one process at a time: history takes its lock like a run (a server needs none)
        try (SpringStart spring = environment.startSpring(database);
             RunLock lock = database.url().kind() == DatabaseUrl.Kind.H2_FILE ? RunEnvironment.lock(database, "(all jobs)", "history") : null;
             ConfigurableApplicationContext ctx = spring.ready()) {
            print(ctx.getBean(RunDao.class).history(jobName));
            return ExitCode.COMPLETED;
        } catch (RunLockHeldException e) {
            System.err.println("fundtrace: history is readable once that run ends (" + e.getMessage() + ")");
            return ExitCode.FAILED;
        } catch (RuntimeException e) {
            // e.g. PostgreSQL unreachable or wrong credentials: one line, not a stack trace (that goes to the log file)
            return Failures.failed("history failed", e);
        }
    }

    private static void print(List<RunDao.RunRow> rows) {
        if (rows.isEmpty()) {
            System.out.println("no runs recorded");
            return;
        }
        String format = "%-20s %-10s %-10s %-6s %-20s %8s %7s %4s %4s %4s  %s%n";
        System.out.printf(format, "job", "run date", "status", "rerun", "started", "transfers", "reached", "HIGH", "MED", "LOW", "report");
        for (var r : rows) {
            System.out.printf(format, r.jobName(), r.runDate(), r.status(), r.rerun() ? "yes" : "",
                    r.startedAt().toString().substring(0, 19), n(r.transfers()), n(r.reached()), n(r.high()), n(r.medium()),
                    n(r.low()), r.reportDir() == null ? (r.message() == null ? "" : r.message()) : r.reportDir());
        }
    }

    private static String n(Object v) { return v == null ? "-" : v.toString(); }
}
