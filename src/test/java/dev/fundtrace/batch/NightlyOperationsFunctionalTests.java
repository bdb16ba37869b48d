package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #17, what nightly operators expect: {runDate} in the job file's paths (also for a resumed run), exit 3 on
 * new HIGH flags when asked, "already completed" naming its report, and --rerun keeping the earlier report folder.
 */
class NightlyOperationsFunctionalTests {

    @TempDir
    Path work;

    private CapturedRun fundtrace(String... args) {
        return CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString()).execute(args));
    }

    /** The sample job with absolute sample-data paths, its Ethereum export at exports/{runDate}, and a change. */
    private Path job(String name, String from, String to) throws Exception {
        Path sample = Path.of("sample-data").toAbsolutePath();
        String text = Files.readString(Path.of("jobs/ira-nightly.yml")).replace("../sample-data/", sample + "/")
                .replace(sample + "/ethereum ", work.resolve("exports") + "/{runDate} ")
                .replace("  dir: ../reports", "  dir: " + work.resolve("reports"));
        assertThat(text).contains("{runDate}");
        String changed = text.replace(from, to);
        if (!from.equals(to)) assertThat(changed).isNotEqualTo(text);
        return Files.writeString(work.resolve(name), changed);
    }

    private void exportFor(String runDate) throws Exception {
        Files.createDirectories(work.resolve("exports"));
        Files.createSymbolicLink(work.resolve("exports").resolve(runDate), Path.of("sample-data/ethereum").toAbsolutePath());
    }

    @Test
    void newHighFlagsExit3AfterEveryReportIsWrittenWhenTheJobAsksAndOtherwiseExit0() throws Exception {
        String ask = "  formats: [html, csv, json]";
        Path one = job("one.yml", "uids: [\"29702\", \"29703\", \"29745\"]", "uids: [\"29702\"]");
        Files.writeString(one, Files.readString(one).replace(ask, ask + "\n  exitOnNewHigh: true"));
        Path all = job("all.yml", ask, ask + "\n  exitOnNewHigh: true");
        Path quiet = job("quiet.yml", ask, ask + "\n  exitOnNewHigh: false");
        for (String night : new String[]{"2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}) exportFor(night);

        CapturedRun first = fundtrace("run", one.toString(), "--run-date=2026-11-27");
        assertThat(first.exit()).as(first.err()).isIn(0, 3);
        // a second designation's HIGH flags are new on the next night: exit 3, once every file is written
        CapturedRun more = fundtrace("run", all.toString(), "--run-date=2026-11-28");
        assertThat(more.exit()).as(more.err()).isEqualTo(3);
        assertThat(more.err()).containsPattern("fundtrace: \\d+ new HIGH flags? since the last run; exit 3");
        assertThat(more.out()).contains("fundtrace ira-nightly 2026-11-28");
        Path folder = work.resolve("reports/ira-nightly/2026-11-28");
        for (String f : new String[]{"report.html", "report.json", "flagged-flows.csv", "rejected.csv"}) {
            assertThat(folder.resolve(f)).isRegularFile();
        }
        // nothing new the night after: 0
        CapturedRun same = fundtrace("run", all.toString(), "--run-date=2026-11-29");
        assertThat(same.exit()).as(same.err()).isZero();
        // without the option a run with new HIGH flags exits 0: back to one designation, then all three again
        assertThat(fundtrace("run", one.toString(), "--run-date=2026-11-30").exit()).isIn(0, 3);
        CapturedRun quietRun = fundtrace("run", quiet.toString(), "--run-date=2026-11-30", "--rerun");
        assertThat(quietRun.exit()).as(quietRun.err()).isZero();
    }

    @Test
    void runDateInThePathsIsTheRunsOwnDateAlsoWhenAFailedRunIsResumed() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "/dev/full (Linux): every write to it fails with ENOSPC");
        Path job = job("nightly.yml", "  maxHops: 4", "  maxHops: 4");
        exportFor("2026-11-28");
        CapturedRun late = fundtrace("run", job.toString(), "--run-date=2026-11-29");
        assertThat(late.exit()).as("tonight's export is not there yet: a scheduler retries").isEqualTo(1);
        assertThat(late.err()).contains("missing input ledger.ethereum.files: " + work.resolve("exports/2026-11-29"));

        Path folder = Files.createDirectories(work.resolve("reports/ira-nightly/2026-11-28"));
        Files.createSymbolicLink(folder.resolve(".report.html.tmp"), Path.of("/dev/full"));
        CapturedRun failed = fundtrace("run", job.toString(), "--run-date=2026-11-28");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("loaded " + work.resolve("exports/2026-11-28")).contains("run failed in step 'report'");
        Files.deleteIfExists(folder.resolve(".report.html.tmp")); // the failed attempt may have removed it itself
        CapturedRun resumed = fundtrace("run", job.toString(), "--run-date=2026-11-28");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming the failed run of 2026-11-28");
        assertThat(folder.resolve("report.json")).content().contains(work.resolve("exports/2026-11-28").toString());
    }

    @Test
    void alreadyCompletedNamesItsReportAndRerunKeepsTheEarlierFolderUnderItsRunId() throws Exception {
        Path job = job("nightly.yml", "  maxHops: 4", "  maxHops: 4");
        exportFor("2026-11-28");
        assertThat(fundtrace("run", job.toString(), "--run-date=2026-11-28").exit()).isZero();
        Path folder = work.resolve("reports/ira-nightly/2026-11-28");
        String firstJson = Files.readString(folder.resolve("report.json"));

        CapturedRun again = fundtrace("run", job.toString(), "--run-date=2026-11-28");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("already completed for 2026-11-28; its report is in " + folder + "; nothing done")
                .contains("--rerun");

        CapturedRun rerun = fundtrace("run", job.toString(), "--run-date=2026-11-28", "--rerun");
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        try (var names = Files.list(folder.getParent())) {
            var kept = names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("2026-11-28.run-")).toList();
            assertThat(kept).hasSize(1);
            Path earlier = folder.resolveSibling(kept.getFirst());
            assertThat(rerun.err()).contains("the earlier report of 2026-11-28 (run " + kept.getFirst().substring(15)
                    + ") is kept in " + earlier);
            assertThat(Files.readString(earlier.resolve("report.json"))).isEqualTo(firstJson);
            assertThat(folder.resolve("report.json")).isRegularFile();
            // history points at each run's own folder
            CapturedRun history = fundtrace("history", "ira-nightly");
            assertThat(history.out()).contains(earlier.toString()).contains(folder + "\n");
        }
        // a second rerun keeps the first rerun's folder too
        assertThat(fundtrace("run", job.toString(), "--run-date=2026-11-28", "--rerun").exit()).isZero();
        try (var names = Files.list(folder.getParent())) {
            assertThat(names.filter(p -> p.getFileName().toString().startsWith("2026-11-28.run-")).count()).isEqualTo(2);
        }
    }
}
