package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The job as operators run it: a separate JVM, killed with SIGKILL at several points, then the same command
 * again. The resumed run must end exactly like an uninterrupted one: same flagged flows, no doubled rows, the
 * trace's files whole and no temporary one left, one ledger segment per export, and history saying COMPLETED. A failed step resumes without re-running the steps
 * before it.
 */
class RestartFunctionalTests {

    static final String RUN_DATE = "2026-11-28";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    /** flagged-flows.csv and per-table row counts of an uninterrupted run. */
    static List<String> baselineFlags;
    static Map<String, Long> baselineCounts;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        Path dir = work.resolve("baseline");
        Child run = Child.start(dir, "run", "jobs/ira-nightly.yml", "--run-date=" + RUN_DATE, "--report-dir=" + dir.resolve("reports"));
        assertThat(run.waitFor()).as(run.describe()).isZero();
        baselineFlags = flaggedFlows(dir);
        baselineCounts = counts(dir);
        assertThat(baselineFlags).hasSizeGreaterThan(10);
        assertThat(baselineCounts.get("run_flag_keys")).isEqualTo(1L);
        // exposures (2), findings (3) and the flags' renderings the next night's report copies (3)
        assertThat(baselineCounts.get("run files")).isEqualTo(8L);
    }

    /**
     * Kill points: "start" = as soon as the H2 file exists (schema and job repository being created); the others
     * = as soon as standard error shows that step's first progress line, i.e. while the step is running.
     */
    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"start", "[designations]", "[ledger]", "[trace]", "[flags]", "[report]"})
    void aRunKilledAnywhereResumesToTheSameResult(String killPoint) throws Exception {
        Path dir = work.resolve("kill-" + killPoint.replaceAll("\\W", ""));
        String[] command = {"run", "jobs/ira-nightly.yml", "--run-date=" + RUN_DATE, "--report-dir=" + dir.resolve("reports")};

        Child killed = Child.start(dir, command);
        Path db = dir.resolve("data/fundtrace.mv.db");
        boolean reached = killed.awaitOrExit(killPoint.equals("start") ? () -> Files.exists(db) : () -> killed.stderr().contains(killPoint));
        assertThat(reached).as("kill point %s never reached: %s", killPoint, killed.describe()).isTrue();
        killed.kill();

        Child resumed = Child.start(dir, command);
        assertThat(resumed.waitFor()).as(resumed.describe()).isZero();
        assertThat(flaggedFlows(dir)).as("flagged-flows.csv after a kill at %s", killPoint)
                .containsExactlyInAnyOrderElementsOf(baselineFlags);
        assertThat(counts(dir)).as("rows after a kill at %s", killPoint).isEqualTo(baselineCounts);
        assertThat(historyOf(dir)).as("history").hasSize(1).first().asString().contains(" COMPLETED ");

        // and the same command once more does nothing
        Child again = Child.start(dir, command);
        assertThat(again.waitFor()).isZero();
        assertThat(again.stderr()).contains("already completed");
        assertThat(counts(dir)).isEqualTo(baselineCounts);
    }

    @Test
    void aResumedRunGoesOnWithTheDefinitionItStartedWith() throws Exception {
        Path dir = work.resolve("edited");
        Files.createDirectories(dir);
        Path jobFile = dir.resolve("ira-nightly.yml");
        String original = Files.readString(Path.of("jobs/ira-nightly.yml")).replace("../", Path.of("").toAbsolutePath() + "/");
        Files.writeString(jobFile, original);
        String[] command = {"run", jobFile.toString(), "--run-date=" + RUN_DATE, "--report-dir=" + dir.resolve("reports")};

        Child killed = Child.start(dir, command);
        assertThat(killed.awaitOrExit(() -> killed.stderr().contains("[trace]"))).as(killed.describe()).isTrue();
        killed.kill();
        // edited while the run was down: one hop, and a threshold no flag would meet
        Files.writeString(jobFile, original.replace("maxHops: 4", "maxHops: 1").replace("USDT: \"1000\"", "USDT: \"99999999\""));

        Child resumed = Child.start(dir, command);
        assertThat(resumed.waitFor()).as(resumed.describe()).isZero();
        assertThat(resumed.stderr()).contains("has changed since this run started; resuming with the definition it started with");
        assertThat(flaggedFlows(dir)).as("the report of the definition the run started with")
                .containsExactlyInAnyOrderElementsOf(baselineFlags);
    }

    @Test
    void aFailedStepIsNamedAndTheSameCommandResumesFromIt() throws Exception {
        Path dir = work.resolve("fail-report");
        Path reports = dir.resolve("reports");
        Files.createDirectories(dir);
        // the run's own folder, not the report root: a root that cannot be written is refused before the run starts
        Path runFolder = Files.createDirectories(reports.resolve("ira-nightly")).resolve(RUN_DATE);
        Files.writeString(runFolder, "a file where the run's report folder should be\n");
        String[] command = {"run", "jobs/ira-nightly.yml", "--run-date=" + RUN_DATE, "--report-dir=" + reports};

        Child failed = Child.start(dir, command);
        assertThat(failed.waitFor()).as(failed.describe()).isEqualTo(1);
        assertThat(failed.stderr()).contains("run failed in step 'report'").contains("run the same command again");
        assertThat(historyOf(dir)).hasSize(1).first().asString().contains(" FAILED ");

        Files.delete(runFolder); // fix the cause
        Child resumed = Child.start(dir, command);
        assertThat(resumed.waitFor()).as(resumed.describe()).isZero();
        assertThat(resumed.stderr()).contains("resuming the failed run")
                .doesNotContain("[designations]").doesNotContain("[labels]").doesNotContain("[ledger]")
                .doesNotContain("[trace]").doesNotContain("[flags]").contains("[report] COMPLETED");
        assertThat(flaggedFlows(dir)).containsExactlyInAnyOrderElementsOf(baselineFlags);
        assertThat(counts(dir)).isEqualTo(baselineCounts);
        try (Connection c = CapturedRun.database(dir.resolve("data")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT step_name, COUNT(*) FROM batch_step_execution GROUP BY step_name")) {
            Map<String, Long> executions = new LinkedHashMap<>();
            while (rs.next()) executions.put(rs.getString(1), rs.getLong(2));
            assertThat(executions).containsEntry("designations", 1L).containsEntry("labels", 1L).containsEntry("ledger-ethereum", 1L)
                    .containsEntry("trace", 1L).containsEntry("flags", 1L).containsEntry("report", 2L);
        }
        assertThat(historyOf(dir)).hasSize(1).first().asString().contains(" COMPLETED ");
    }

    // ---- helpers

    static List<String> flaggedFlows(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("reports/ira-nightly/" + RUN_DATE + "/flagged-flows.csv"));
        return lines.subList(1, lines.size());
    }

    /** Rows of the run's tables and the ledger catalog (one run per data folder in these tests). */
    static Map<String, Long> counts(Path dir) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = CapturedRun.database(dir.resolve("data")); Statement s = c.createStatement()) {
            long runId;
            try (ResultSet rs = s.executeQuery("SELECT job_instance_id FROM batch_job_instance")) {
                assertThat(rs.next()).isTrue();
                runId = rs.getLong(1);
                assertThat(rs.next()).as("one job instance").isFalse();
            }
            for (String t : List.of("run_history", "run_designation", "run_label", "run_rejection", "run_flag_keys",
                    "run_fact")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t + " WHERE run_id = " + runId)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            for (String t : List.of("ledger_segment", "job_segment")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        assertThat(counts.get("ledger_segment")).as("one catalog row per export").isEqualTo(1L);
        // the trace's files: its exposures and their totals, its findings; no temporary file or folder left over
        try (var files = Files.walk(dir.resolve("data/runs"))) {
            List<String> names = files.filter(f -> !f.equals(dir.resolve("data/runs")))
                    .map(f -> dir.resolve("data/runs").relativize(f).toString()).sorted().toList();
            assertThat(names).as("data/runs").allSatisfy(n -> assertThat(n).doesNotContain(".tmp").doesNotContain(".spool"));
            counts.put("run files", names.stream().filter(n -> Files.isRegularFile(dir.resolve("data/runs").resolve(n))).count());
        }
        return counts;
    }

    /** The rows `fundtrace history` prints (in this JVM: faster than another child, same code). */
    static List<String> historyOf(Path dir) {
        CapturedRun history = CapturedRun.of(() ->
                new FundtraceCommandLine().with("fundtrace.data-dir", dir.resolve("data").toString()).execute("history"));
        assertThat(history.exit()).isZero();
        return history.out().lines().filter(l -> l.startsWith("ira-nightly")).toList();
    }

    /** fundtrace in its own JVM (same JDK and classpath as the tests), working folder the project root. */
    record Child(Process process, Path out, Path err) {

        static Child start(Path dir, String... args) throws IOException {
            Files.createDirectories(dir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                    "-Dfundtrace.data-dir=" + dir.resolve("data").toAbsolutePath(),
                    // exposures stored on the background thread even for the small sample, so kills hit that path too
                    "-Dfundtrace.exposures.background-min=0", "-cp", cp, "dev.fundtrace.FundtraceApplication"));
            cmd.addAll(List.of(args));
            int n = 0;
            while (Files.exists(dir.resolve("stderr-" + n + ".txt"))) n++;
            Path out = dir.resolve("stdout-" + n + ".txt"), err = dir.resolve("stderr-" + n + ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File(System.getProperty("user.dir")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            return new Child(pb.start(), out, err);
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail("fundtrace did not finish within " + RUN_TIMEOUT + ": " + describe());
            }
            return process.exitValue();
        }

        /** Polls until the condition holds (true) or the process ended first (false). */
        boolean awaitOrExit(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (condition.getAsBoolean()) return true;
                if (!process.isAlive()) return condition.getAsBoolean();
                Thread.sleep(10);
            }
            return false;
        }

        long pid() { return process.pid(); }

        /**
         * SIGSTOP / SIGCONT: the process freezes where it is, holding whatever it holds. kill(1) returns once the
         * signal is queued, so this waits until every thread of the process reports state T (stopped): a thread in
         * the middle of a rename would otherwise still finish it after the test took its snapshot.
         */
        void freeze() throws Exception {
            signal("STOP");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!allThreadsStopped()) {
                if (System.nanoTime() > deadline) fail("process " + process.pid() + " did not stop within 10 s");
                Thread.sleep(5);
            }
        }

        private boolean allThreadsStopped() throws IOException {
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException threadEnded) {
                        continue;
                    }
                    // the state is the first field after the parenthesised command name
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (state != 'T' && state != 't' && state != 'Z' && state != 'X') return false;
                }
            }
            return true;
        }

        void thaw() throws Exception { signal("CONT"); }

        private void signal(String name) throws Exception {
            assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor()).isZero();
        }

        /** SIGKILL: no shutdown hooks, no H2 close, no Spring Batch bookkeeping. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        String stderr() {
            try {
                return Files.readString(err);
            } catch (IOException e) {
                return "";
            }
        }

        String describe() {
            String o;
            try {
                o = Files.readString(out);
            } catch (IOException e) {
                o = "";
            }
            return "\n--- stdout\n" + o + "\n--- stderr\n" + stderr();
        }
    }
}
