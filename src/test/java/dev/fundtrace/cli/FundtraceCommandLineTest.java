package dev.fundtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #17, items 8 and 10: help, version, refused arguments and a missing input, none of which starts Spring. */
class FundtraceCommandLineTest {

    @TempDir
    Path work;

    record Result(int exit, String out, String err) {}

    private Result fundtrace(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        try {
            int exit = new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString()).execute(args);
            return new Result(exit, out.toString(UTF_8), err.toString(UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpInEveryFormListsTheCommandsAndTheExitCodesOnStandardOutput() {
        for (String[] args : new String[][]{{"--help"}, {"-h"}, {"help"}}) {
            Result r = fundtrace(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("run").contains("validate").contains("history")
                    .contains("Exit status:").contains("0   the run completed").contains("1   the run failed")
                    .contains("2   the job file or the arguments are invalid").contains("3   the run completed with new HIGH flags");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void eachCommandHasItsOwnOptionHelp() {
        for (String[] args : new String[][]{{"run", "--help"}, {"help", "run"}, {"run", "-h"}}) {
            Result r = fundtrace(args);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("--run-date=YYYY-MM-DD").contains("--report-dir=DIR").contains("--db=JDBC_URL")
                    .contains("--rerun").contains("JOB_FILE").contains("{runDate}").contains("Exit status:");
        }
        assertThat(fundtrace("history", "--help").out()).contains("JOB_NAME").contains("--db=JDBC_URL");
        assertThat(fundtrace("validate", "--help").out()).contains("JOB_FILE").contains("--run-date");
    }

    @Test
    void versionSaysFundtraceAndItsVersion() {
        Result r = fundtrace("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("fundtrace ");
    }

    @Test
    void refusedArgumentsExit2WithOneSentenceAndTheSynopsis() {
        Result none = fundtrace();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).startsWith("fundtrace: no command given").contains("Usage: fundtrace");

        Result unknown = fundtrace("trace", "jobs/ira-nightly.yml");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("fundtrace: unknown command 'trace'").contains("fundtrace --help");

        Result option = fundtrace("run", "jobs/ira-nightly.yml", "--bogus");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).startsWith("fundtrace: unknown option '--bogus'").contains("Usage: fundtrace run")
                .contains("fundtrace run --help");

        Result date = fundtrace("run", "jobs/ira-nightly.yml", "--run-date=28/11/2026");
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("--run-date").contains("YYYY-MM-DD").contains("'28/11/2026'");

        Result missing = fundtrace("run");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("JOB_FILE");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void aMissingInputExits1NamingThePathSoASchedulerRetries() throws Exception {
        String sample = Files.readString(Path.of("jobs/ira-nightly.yml"));
        Path sampleData = Path.of("sample-data").toAbsolutePath();
        Path job = Files.writeString(work.resolve("late.yml"), sample.replace("../sample-data/", sampleData + "/")
                .replace(sampleData + "/ethereum", work + "/exports/{runDate}"));
        for (String command : new String[]{"run", "validate"}) {
            Result r = fundtrace(command, job.toString(), "--run-date=2026-11-28");
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.err()).as(command).contains("missing input ledger.ethereum.files: " + work + "/exports/2026-11-28");
            assertThat(r.err()).as(command).doesNotContain("Usage");
        }
        assertThat(work.resolve("data")).doesNotExist();
    }
}
