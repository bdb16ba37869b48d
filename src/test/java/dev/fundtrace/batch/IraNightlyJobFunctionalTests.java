package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample nightly job end to end, through the command line, on a fresh database: its flags and exposures
 * must be exactly those the independent reference tracer (sample-data/tools/reference_trace.py) computed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IraNightlyJobFunctionalTests {

    @TempDir
    static Path work;
    static Path reports;

    @BeforeAll
    static void dirs() {
        reports = work.resolve("reports");
    }

    private int fundtrace(String... args) {
        return new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString()).execute(args);
    }

    @Test
    @Order(1)
    void runWritesTheFourFilesWithExactlyTheExpectedFlags() throws Exception {
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isZero();
        Path folder = reports.resolve("ira-nightly/2026-11-28");
        for (String f : new String[]{"report.html", "flagged-flows.csv", "report.json", "rejected.csv"}) {
            assertThat(folder.resolve(f)).isRegularFile();
        }
        Set<String> expected = new TreeSet<>(), actual = new TreeSet<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/flags.csv"))) {
            expected.add(r.get("rule") + "|" + r.get("asset") + "|" + r.get("address") + "|" + r.get("hops"));
        }
        for (CSVRecord r : csv(folder.resolve("flagged-flows.csv"))) {
            actual.add(r.get("rule") + "|" + r.get("asset") + "|" + r.get("address") + "|" + r.get("hops"));
            assertThat(r.get("evidence_tx_hashes")).as("every flag names its evidence").matches("(0x[0-9a-f]{64})(;0x[0-9a-f]{64})*");
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    void exposuresMatchTheReferenceTracerHopsAndHaircutAmounts() throws Exception {
        JsonNode report = JsonMapper.builder().build().readTree(reports.resolve("ira-nightly/2026-11-28/report.json").toFile());
        Map<String, String[]> expected = new HashMap<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/exposures.csv"))) {
            expected.put(r.get("direction") + "|" + r.get("asset") + "|" + r.get("address"),
                    new String[]{r.get("hops"), r.get("tainted_amount_raw")});
        }
        assertThat(report.get("exposures").size()).isEqualTo(expected.size());
        for (JsonNode e : report.get("exposures")) {
            String[] want = expected.get(e.get("direction").asString() + "|" + e.get("asset").asString() + "|" + e.get("address").asString());
            assertThat(want).as("exposure %s", e).isNotNull();
            assertThat(e.get("hops").asInt()).isEqualTo(Integer.parseInt(want[0]));
            double exact = Double.parseDouble(want[1]);
            assertThat(Double.parseDouble(e.get("taintedAmountRaw").asString())).isCloseTo(exact, within(Math.max(1, exact) * 1e-9));
        }
        assertThat(report.get("summary").get("designatedAddresses").asInt()).isEqualTo(3);
        assertThat(report.get("designations").size()).isEqualTo(24);
        assertThat(report.get("flows").get(0).get("path").get(0).get("amountRaw").isString()).isTrue();
    }

    @Test
    @Order(3)
    void theSameRunDateIsNotRunTwiceButRerunRebuildsAndHistoryListsBoth() {
        CapturedRun again = CapturedRun.of(() -> fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports));
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("already completed").contains("--rerun");
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports, "--rerun")).isZero();

        CapturedRun history = CapturedRun.of(() -> fundtrace("history", "ira-nightly"));
        assertThat(history.exit()).isZero();
        assertThat(history.out().lines().filter(l -> l.startsWith("ira-nightly")).count()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aSecondRunDateReusesTheStoredLedgerAndMarksNothingNew() throws Exception {
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-29", "--report-dir=" + reports)).isZero();
        for (CSVRecord r : csv(reports.resolve("ira-nightly/2026-11-29/flagged-flows.csv"))) {
            assertThat(r.get("new_since_last_run")).isEqualTo("false");
        }
    }

    @Test
    @Order(5)
    void invalidJobFilesExitWithTwoAndNameTheKey() throws Exception {
        Path bad = work.resolve("bad.yml");
        Files.writeString(bad, Files.readString(Path.of("jobs/ira-nightly.yml")).replace("maxHops: 4", "maxHop: 4")
                .replace("../sample-data", Path.of("sample-data").toAbsolutePath().toString()));
        assertThat(fundtrace("run", bad.toString())).isEqualTo(2);
        Path missing = work.resolve("missing.yml");
        Files.writeString(missing, Files.readString(Path.of("jobs/ira-nightly.yml")).replace("../sample-data/ethereum", "/nonexistent/export")
                .replace("../sample-data", Path.of("sample-data").toAbsolutePath().toString()));
        assertThat(fundtrace("run", missing.toString())).isEqualTo(2);
        assertThat(fundtrace("validate", "jobs/ira-nightly.yml")).isZero();
        assertThat(fundtrace("frobnicate")).isEqualTo(2);
    }

    private static Iterable<CSVRecord> csv(Path file) throws Exception {
        Reader in = Files.newBufferedReader(file);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
}
