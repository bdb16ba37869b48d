package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #17, what nightly operators expect: {runDate} in the job file's paths (also for a resumed run), exit 3 on
 * new HIGH flags when asked, "already completed" naming its report, --rerun keeping the earlier report folder,
 * reviewed flags that are not raised as new, explorer links off, and an audit trail of every input.
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
    void reviewedFlagsAreMarkedInEveryFormatRaiseNoExit3AndTheReportRecordsItsInputs() throws Exception {
        String ask = "  formats: [html, csv, json]";
        Path one = job("one.yml", "uids: [\"29702\", \"29703\", \"29745\"]", "uids: [\"29702\"]");
        Path reviews = work.resolve("reviews.csv");
        Path reviewed = job("reviewed.yml", ask, ask + "\n  exitOnNewHigh: true\n  explorer: off");
        String sampleReviews = Path.of("sample-data/reviews/reviews.csv").toAbsolutePath().toString();
        Files.writeString(reviewed, Files.readString(reviewed).replace(sampleReviews, reviews.toString()));
        assertThat(Files.readString(reviewed)).contains("reviews: " + reviews);
        exportFor("2026-11-27");
        exportFor("2026-11-28");
        assertThat(fundtrace("run", one.toString(), "--run-date=2026-11-27").exit()).isIn(0, 3);
        Path folder = work.resolve("reports/ira-nightly/2026-11-28");

        // the next night, with nothing reviewed yet: the other designations' HIGH flags are new, exit 3
        String header = "rule,chain,asset,address,seed,decision,reviewer,date,note\n";
        Files.writeString(reviews, header);
        assertThat(fundtrace("run", reviewed.toString(), "--run-date=2026-11-28").exit()).isEqualTo(3);
        List<CSVRecord> newHigh = csv(folder.resolve("flagged-flows.csv")).stream()
                .filter(r -> r.get("severity").equals("HIGH") && r.get("new_since_last_run").equals("true")).toList();
        assertThat(newHigh).hasSizeGreaterThan(2);

        // an analyst reviews all but one of them (and mistypes one row): still exit 3, for the one left
        StringBuilder rows = new StringBuilder(header);
        for (CSVRecord f : newHigh.subList(1, newHigh.size())) rows.append(review(f));
        rows.append("MIXER,ethereum,,0xnot-an-address,,cleared,A. Analyst,2026-11-28,typo\n");
        Files.writeString(reviews, rows);
        CapturedRun partly = fundtrace("run", reviewed.toString(), "--run-date=2026-11-28", "--rerun");
        assertThat(partly.exit()).as(partly.err()).isEqualTo(3);
        assertThat(partly.err()).contains("fundtrace: 1 new HIGH flag since the last run; exit 3");
        // and the last one: nothing new is left to alert on
        Files.writeString(reviews, rows + review(newHigh.getFirst()));
        CapturedRun done = fundtrace("run", reviewed.toString(), "--run-date=2026-11-28", "--rerun");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains(newHigh.size() + " reviewed)");

        Set<String> ids = new HashSet<>();
        newHigh.forEach(r -> ids.add(r.get("flag_id")));
        for (CSVRecord r : csv(folder.resolve("flagged-flows.csv"))) {
            if (!ids.contains(r.get("flag_id"))) continue;
            assertThat(r.get("review_decision")).isEqualTo("cleared");
            assertThat(r.get("reviewed_by")).isEqualTo("A. Analyst");
            assertThat(r.get("review_date")).isEqualTo("2026-11-28");
            assertThat(r.get("new_since_last_run")).isEqualTo("false");
        }
        JsonNode json = JSON.readTree(folder.resolve("report.json").toFile());
        assertThat(dev.fundtrace.report.ReportSchema.violations(folder.resolve("report.json"))).isEmpty();
        int marked = 0;
        for (JsonNode f : json.get("flags")) {
            if (!ids.contains(f.get("id").asString())) continue;
            marked++;
            assertThat(f.get("newSinceLastRun").asBoolean()).isFalse();
            assertThat(f.get("review").get("decision").asString()).isEqualTo("cleared");
            assertThat(f.get("review").get("current").asBoolean()).as("the run of the 28th had the same evidence").isTrue();
            assertThat(f.get("review").get("comparedWithRun").asString()).isEqualTo("2026-11-28");
        }
        assertThat(marked).isEqualTo(ids.size());
        assertThat(json.get("changes").get("newFlagIds").toString()).doesNotContain(newHigh.getFirst().get("flag_id"));
        assertThat(Files.readString(folder.resolve("rejected.csv"))).contains("reviews.csv," + (newHigh.size() + 1) + ",address '0xnot-an-address'");
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html.split("class=\"badge-reviewed\"", -1).length - 1).isEqualTo(Math.min(ids.size(), 200));
        // report.explorer: off: not one URL of another site on the page
        assertThat(html).doesNotContainPattern("(?i)https?://");

        // the audit trail names each input by its SHA-256, as sha256sum would
        JsonNode audit = json.get("audit");
        assertThat(audit.get("fundtraceVersion").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(audit.get("jobFile").get("sha256").asString()).isEqualTo(sha256(reviewed));
        assertThat(audit.get("reviews").get("sha256").asString()).isEqualTo(sha256(reviews));
        JsonNode sdn = audit.get("designationFiles").get(0);
        assertThat(sdn.get("sha256").asString()).isEqualTo(sha256(Path.of("sample-data/ofac/sdn_advanced.xml")));
        assertThat(sdn.get("publishDate").asString()).isEqualTo("2020-09-10");
        assertThat(audit.get("labelFiles").get(0).get("sha256").asString()).isEqualTo(sha256(Path.of("sample-data/labels/labels.csv")));
        JsonNode eth = audit.get("ledgers").get(0);
        assertThat(eth.get("chain").asString()).isEqualTo("ethereum");
        assertThat(eth.get("path").asString()).isEqualTo(work.resolve("exports/2026-11-28").toString());
        for (JsonNode f : eth.get("files")) {
            assertThat(f.get("sha256").asString()).isEqualTo(sha256(Path.of("sample-data/ethereum").resolve(f.get("path").asString())));
        }
        assertThat(eth.get("fileCount").asInt()).isEqualTo(7);
        // the export was hashed once, the first night: later nights over it take those digests
        JsonNode first = JSON.readTree(work.resolve("reports/ira-nightly/2026-11-27/report.json").toFile()).get("audit");
        assertThat(eth.get("digestedAt")).isEqualTo(first.get("ledgers").get(0).get("digestedAt"));
        assertThat(eth.get("sha256")).isEqualTo(first.get("ledgers").get(0).get("sha256"));
        assertThat(html).contains("<section id=\"audit\">").contains(eth.get("sha256").asString());
    }

    /** A reviews.csv row clearing the flag of a flagged-flows.csv row. */
    private static String review(CSVRecord flag) {
        return String.join(",", flag.get("rule"), flag.get("chain"), flag.get("asset"), flag.get("address"), flag.get("seed"),
                "cleared", "A. Analyst", "2026-11-28", "\"checked, no action\"") + "\n";
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
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
        // the resumed run ran only the report step: the inputs it names are those its earlier steps read
        JsonNode audit = JSON.readTree(folder.resolve("report.json").toFile()).get("audit");
        assertThat(audit.get("designationFiles").get(0).get("sha256").asString())
                .isEqualTo(sha256(Path.of("sample-data/ofac/sdn_advanced.xml")));
        assertThat(audit.get("labelFiles")).hasSize(1);
        assertThat(audit.get("ledgers").get(0).get("path").asString()).isEqualTo(work.resolve("exports/2026-11-28").toString());
        assertThat(audit.get("ledgers")).hasSize(6);
        assertThat(audit.get("jobFile").get("sha256").asString()).isEqualTo(sha256(job));
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
