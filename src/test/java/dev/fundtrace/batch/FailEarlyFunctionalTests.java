package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue #16, "fail early and plainly": what the command line refuses at start, and how a failure reads. */
class FailEarlyFunctionalTests {

    @TempDir
    Path work;

    private CapturedRun fundtrace(Path dataDir, String... args) {
        return CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", dataDir.toString()).execute(args));
    }

    // ------------------------------------------------------------------ unwritable folders, before any execution

    @Test
    void aReportFolderThatCannotBeWrittenFailsTheRunBeforeAnyExecutionIsCreated() throws Exception {
        // tests run as root, where permission bits stop nothing: a folder below a regular file cannot be made by anyone
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        Path reports = file.resolve("reports"), data = work.resolve("data");
        CapturedRun run = fundtrace(data, "run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("fundtrace: the report folder " + reports)
                .contains("cannot be created").contains("nothing was run").doesNotContain("\n");
        // Spring never started: there is no database, so no job instance or execution either
        assertThat(data.resolve("fundtrace.mv.db")).doesNotExist();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDataFolderThatCannotBeWrittenFailsTheRunBeforeAnyExecutionIsCreated() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        Path data = file.resolve("data");
        CapturedRun run = fundtrace(data, "run", "jobs/ira-nightly.yml", "--run-date=2026-11-28",
                "--report-dir=" + work.resolve("reports"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("fundtrace: the data folder " + data).doesNotContain("\n");
        assertThat(work.resolve("reports/ira-nightly")).doesNotExist();
    }

    // ------------------------------------------------------------------ stray arguments

    @Test
    void aStrayArgumentAfterTheJobFileIsRefusedByRunAndValidate() {
        Path data = work.resolve("data");
        CapturedRun run = fundtrace(data, "run", "jobs/ira-nightly.yml", "extra", "--report-dir=" + work.resolve("reports"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unexpected argument 'extra'");
        assertThat(data).doesNotExist();

        CapturedRun validate = fundtrace(data, "validate", "jobs/ira-nightly.yml", "extra");
        assertThat(validate.exit()).isEqualTo(2);
        assertThat(validate.err()).contains("unexpected argument 'extra'");
        assertThat(validate.out()).doesNotContain("is valid");
    }

    @Test
    void historyTakesAtMostOneJobName() {
        Path data = work.resolve("data");
        CapturedRun history = fundtrace(data, "history", "ira-nightly", "other");
        assertThat(history.exit()).isEqualTo(2);
        assertThat(history.err()).contains("at most one job name").contains("'other'");
        assertThat(data).doesNotExist();
    }

    // ------------------------------------------------------------------ duplicate keys in the job file

    @Test
    void aDuplicateKeyInTheJobFileExits2NamingBothLines() throws Exception {
        String sample = Files.readString(Path.of("jobs/ira-nightly.yml"));
        String twice = sample.replace("  maxHops: 4\n", "  maxHops: 4\n  maxHops: 2\n");
        assertThat(twice).isNotEqualTo(sample);
        Path job = Files.writeString(work.resolve("duplicate.yml"), twice);
        int first = (int) sample.lines().takeWhile(l -> !l.equals("  maxHops: 4")).count() + 1;
        for (String command : new String[]{"run", "validate"}) {
            CapturedRun r = fundtrace(work.resolve("data"), command, job.toString());
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("line " + (first + 1) + ": duplicate key 'trace.maxHops' (first given on line " + first);
        }
        assertThat(work.resolve("data")).doesNotExist();
    }

    // ------------------------------------------------------------------ a full disk in the report step

    @Test
    void aFullDiskInTheReportStepSaysSoNamingTheFileAndPrintsNoStackTrace() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full (Linux): every write to it fails with ENOSPC");
        Path reports = work.resolve("reports"), data = work.resolve("data");
        Path folder = Files.createDirectories(reports.resolve("ira-nightly/2026-11-28"));
        // the page is written under this temporary name first: make that name a full disk
        Files.createSymbolicLink(folder.resolve(".report.html.tmp"), Path.of("/dev/full"));
        CapturedRun run = fundtrace(data, "run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("fundtrace: run failed in step 'report': cannot write " + folder.resolve("report.html")
                + ": no space left on device");
        assertThat(run.out() + run.err()).doesNotContain("An error happened during template rendering")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).as("standard output holds the summary, and a failed run has none").isEmpty();
        // the stack traces are in the log
        assertThat(Files.readString(data.resolve("fundtrace.log"))).contains("Encountered an error executing step report")
                .contains("Caused by: java.io.IOException: No space left on device").contains("\tat ");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("fundtrace.log"))))
                .as("the log is private like every file of the run").isEqualTo("rw-------");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineOnStandardErrorAndAStackTraceInTheLog() throws Exception {
        Path data = work.resolve("data");
        // nothing listens on port 1: the connection is refused at once
        CapturedRun history = fundtrace(data, "history", "--db=jdbc:postgresql://127.0.0.1:1/fundtrace?connectTimeout=2");
        assertThat(history.exit()).isEqualTo(1);
        assertThat(history.out()).isEmpty();
        assertThat(history.err().strip()).startsWith("fundtrace: history failed: ").doesNotContain("\tat ");
        assertThat(Files.readString(data.resolve("fundtrace.log"))).contains("history failed").contains("\tat ");
    }

    // ------------------------------------------------------------------ a bad row in labels.csv

    @Test
    void oneUnbalancedQuoteInLabelsCsvCostsOnlyItsLineAndRejectedCsvEchoesNoFormula() throws Exception {
        Path sample = Path.of("sample-data").toAbsolutePath();
        List<String> lines = new ArrayList<>(Files.readAllLines(sample.resolve("labels/labels.csv")));
        lines.add(4, "0x" + "1".repeat(40) + ",ethereum,\"Broken exchange,exchange,typo");          // line 5
        lines.add(7, "=HYPERLINK(\"http://example.invalid\"),ethereum,Evil,exchange,x");            // line 8
        Path labels = Files.write(work.resolve("labels.csv"), lines);
        Path job = Files.writeString(work.resolve("job.yml"), Files.readString(Path.of("jobs/ira-nightly.yml"))
                .replace("../sample-data/labels/labels.csv", labels.toString()).replace("../sample-data/", sample + "/"));
        Path reports = work.resolve("reports");
        CapturedRun run = fundtrace(work.resolve("data"), "run", job.toString(), "--run-date=2026-11-28", "--report-dir=" + reports);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("[labels] 26 labelled addresses, 2 refused");

        Path folder = reports.resolve("ira-nightly/2026-11-28");
        // the sample's own bad ledger rows (bitcoin/...) are there too; these are the label file's
        List<CSVRecord> rejected = csv(folder.resolve("rejected.csv")).stream().filter(r -> r.get("source").equals("labels.csv")).toList();
        assertThat(rejected).extracting(r -> r.get("source") + ":" + r.get("line")).containsExactly("labels.csv:5", "labels.csv:8");
        assertThat(rejected.get(0).get("reason")).isEqualTo("unbalanced quote: a quoted field is not closed on its line");
        assertThat(rejected.get(0).get("record")).isEqualTo(lines.get(4));
        assertThat(rejected.get(1).get("reason")).contains("is not 0x + 40 hex digits");
        assertThat(rejected.get(1).get("record")).isEqualTo("'" + lines.get(7));
        // the labels around the bad lines were kept: exactly the flags of the sample (exchange flags need them)
        Set<String> expected = SampleFlags.expected(), actual = SampleFlags.of(folder.resolve("flagged-flows.csv"));
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
