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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample nightly job end to end, through the command line, on a fresh database: its flags and exposures
 * must be exactly those the independent reference tracer (sample-data/tools/reference_trace.py) computed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IraNightlyJobFunctionalTests {

    @TempDir
    static Path work;
    static Path reports;
    /** The first night's drawing and listed paths, kept before --rerun rewrites that night's page. */
    static final Map<String, String> firstPage = new HashMap<>();

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
        for (String section : new String[]{"graph", "flows"}) {
            firstPage.put(section, htmlSection(folder.resolve("report.html"), section));
        }
        assertThat(firstPage.get("flows")).contains("0x").doesNotContain("No steps recorded");
        for (CSVRecord r : csv(folder.resolve("flagged-flows.csv"))) {
            assertThat(r.get("evidence_tx_hashes")).as("every flag names its evidence (txids on UTXO chains)")
                    .matches(r.get("chain").equals("ethereum") ? "(0x[0-9a-f]{64})(;0x[0-9a-f]{64})*" : "([0-9a-f]{64})(;[0-9a-f]{64})*");
        }
        Set<String> expected = SampleFlags.expected(), actual = SampleFlags.of(folder.resolve("flagged-flows.csv"));
        assertThat(actual).containsExactlyElementsOf(expected);
        // report.json has the published shape (docs/report.schema.json)
        assertThat(dev.fundtrace.report.ReportSchema.violations(folder.resolve("report.json"))).isEmpty();
        // a first run: nothing is new, and the page and summary say "first run"
        for (CSVRecord r : csv(folder.resolve("flagged-flows.csv"))) assertThat(r.get("new_since_last_run")).isEqualTo("false");
        assertThat(Files.readString(folder.resolve("report.html"))).contains("First run").doesNotContain("class=\"badge-new\"");
        // three USDT payments of one seed (9,500 + 9,900 + 9,700) are one flag of their sum in every format
        CSVRecord direct = csv(folder.resolve("flagged-flows.csv")).stream()
                .filter(r -> r.get("rule").equals("DIRECT_COUNTERPARTY") && r.get("address").equals("0xb60f087c4feac24fe0e411c2887e66b68d773da3"))
                .findFirst().orElseThrow();
        assertThat(direct.get("tainted_amount")).isEqualTo("29100.0");
        assertThat(direct.get("evidence_tx_hashes").split(";")).hasSize(3);
        assertThat(direct.get("explanation")).contains("received 29100 USDT in 3 transfers directly");
        JsonNode json = JsonMapper.builder().build().readTree(folder.resolve("report.json").toFile());
        JsonNode flag = null;
        for (JsonNode f : json.get("flags")) if (f.get("id").asString().equals(direct.get("flag_id"))) flag = f;
        assertThat(flag).isNotNull();
        assertThat(flag.get("amountRaw").asString()).isEqualTo("29100000000");
        assertThat(flag.get("evidence").size()).isEqualTo(3);
    }

    @Test
    @Order(2)
    void theUtxoChainsMatchTheReferenceToTheSatoshi() throws Exception {
        JsonNode report = JsonMapper.builder().build().readTree(reports.resolve("ira-nightly/2026-11-28/report.json").toFile());
        Set<String> expected = new TreeSet<>(), actual = new TreeSet<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/utxo-exposures.csv"))) {
            expected.add(String.join("|", r.get("direction"), r.get("chain"), r.get("asset"), r.get("address"), r.get("hops"),
                    r.get("tainted_amount_raw"), r.get("evidence")));
        }
        for (JsonNode e : report.get("exposures")) {
            if (e.get("chain").asString().equals("ethereum")) continue;
            actual.add(String.join("|", e.get("direction").asString(), e.get("chain").asString(), e.get("asset").asString(),
                    e.get("address").asString(), e.get("hops").asString(), e.get("taintedAmountRaw").asString(),
                    e.get("evidence").get(0).asString()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);

        Set<String> clusters = new TreeSet<>(), wantClusters = new TreeSet<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/utxo-clusters.csv"))) {
            wantClusters.add(String.join("|", r.get("chain"), r.get("seeds"), r.get("size"), r.get("addresses"),
                    r.get("evidence"), r.get("excluded_coinjoins")));
        }
        for (JsonNode c : report.get("clusters")) {
            clusters.add(String.join("|", c.get("chain").asString(), words(c.get("seeds")), c.get("size").asString(),
                    words(c.get("addresses")), words(c.get("evidence")), words(c.get("excludedCoinJoins"))));
        }
        assertThat(clusters).containsExactlyElementsOf(wantClusters);

        // coverage per chain: the load's counts and where the seeds' taint went, to the satoshi
        Map<String, JsonNode> coverage = new HashMap<>();
        report.get("coverage").get("chains").forEach(c -> coverage.put(c.get("chain").asString(), c));
        for (CSVRecord r : csv(Path.of("sample-data/expected/utxo-coverage.csv"))) {
            JsonNode c = coverage.get(r.get("chain"));
            assertThat(c).as("coverage of %s", r.get("chain")).isNotNull();
            assertThat(List.of(c.get("fromBlock").asString(), c.get("toBlock").asString(), c.get("blocks").asString(),
                    c.get("transactions").asString(), c.get("coinbaseTransactions").asString(), c.get("inputs").asString(),
                    c.get("outputs").asString(), c.get("unresolvedInputs").asString(), c.get("outputValueRaw").asString(),
                    c.get("feesRaw").asString(), c.get("assets").get(0).get("taintLeftHorizonRaw").asString(),
                    c.get("assets").get(0).get("taintReturnedToSeedsRaw").asString(),
                    c.get("assets").get(0).get("taintToFeesRaw").asString()))
                    .as("coverage of %s", r.get("chain"))
                    .containsExactly(r.get("from_block"), r.get("to_block"), r.get("blocks"), r.get("transactions"),
                            r.get("coinbase_transactions"), r.get("inputs"), r.get("outputs"), r.get("unresolved_inputs"),
                            r.get("output_value_raw"), r.get("fees_raw"), r.get("taint_left_horizon_raw"),
                            r.get("taint_returned_to_seeds_raw"), r.get("taint_to_fees_raw"));
        }

        // every planted bad row is in rejected.csv with its chain folder, file and line; nothing else of the chain is lost
        Set<String> refused = new TreeSet<>(), wantRefused = new TreeSet<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/utxo-rejected.csv"))) {
            wantRefused.add(r.get("chain") + "/" + r.get("file") + ":" + r.get("line"));
        }
        for (CSVRecord r : csv(reports.resolve("ira-nightly/2026-11-28/rejected.csv"))) {
            if (wantRefused.contains(r.get("source") + ":" + r.get("line")) || r.get("source").startsWith("bitcoin/")) {
                refused.add(r.get("source") + ":" + r.get("line"));
            }
        }
        assertThat(refused).containsExactlyElementsOf(wantRefused);

        // 23 of the 23 designated addresses are traced, the Zcash t-address included
        assertThat(report.get("summary").get("designatedAddresses").asInt()).isEqualTo(23);
        List<String> untraced = new java.util.ArrayList<>();
        report.get("designations").forEach(d -> { if (!d.get("traced").asBoolean()) untraced.add(d.get("address").asString()); });
        assertThat(untraced).as("every designation of the sample is on a chain the job loads").isEmpty();
        assertThat(report.get("summary").get("seeds").asInt()).isEqualTo(23);
    }

    private static String words(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return String.join(" ", out);
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
        List<JsonNode> ethereum = new java.util.ArrayList<>();
        report.get("exposures").forEach(e -> { if (e.get("chain").asString().equals("ethereum")) ethereum.add(e); });
        assertThat(ethereum).hasSize(expected.size());
        for (JsonNode e : ethereum) {
            String[] want = expected.get(e.get("direction").asString() + "|" + e.get("asset").asString() + "|" + e.get("address").asString());
            assertThat(want).as("exposure %s", e).isNotNull();
            assertThat(e.get("hops").asInt()).isEqualTo(Integer.parseInt(want[0]));
            // exact integers, equal to the unit (tracing.md): the same string as the reference's
            assertThat(e.get("taintedAmountRaw").asString()).as("exposure %s", e).isEqualTo(want[1]);
        }
        // every raw amount in the report (exposures, flows and their steps, coverage) is an integer string
        List<String> raw = new java.util.ArrayList<>();
        collectRaw(report, raw);
        assertThat(raw).hasSizeGreaterThan(100).allSatisfy(v -> assertThat(v).matches("[0-9]+"));
        for (CSVRecord r : csv(reports.resolve("ira-nightly/2026-11-28/flagged-flows.csv"))) {
            assertThat(r.get("tainted_amount_raw")).matches("[0-9]*");
        }
        assertThat(report.get("designations").size()).isEqualTo(24);
        assertThat(report.get("flows").get(0).get("path").get(0).get("amountRaw").isString()).isTrue();
    }

    /** H2 (hop 2) peels three times: H2 -> P1 -> P2 -> P3 (sample-data/README.md, row 18). */
    static final String PEEL_START = "0xd436a7fd4ca2ddb667741938a7e78cd519bbf754";
    /** The steps' onward transfers, in chain order: H2 -> P1, P1 -> P2, P2 -> P3. */
    static final List<String> PEEL_EVIDENCE = List.of(
            "0xc86c9bb059efd000235e5597afd815c4a84d971947f8ab3a204e361bcd517d49",
            "0x38ae00958b33b3dc075bb03623132501e0a1f023815e092a0991b16fccae06c0",
            "0xdde628d181414a4516bfe4a415a31a345df6021ef462dd8471962329dec68abe");

    @Test
    @Order(2)
    void thePlantedPeelChainIsOneLowFlagWithItsStepsOnwardTransfersInOrder() throws Exception {
        Path folder = reports.resolve("ira-nightly/2026-11-28");
        JsonNode report = JsonMapper.builder().build().readTree(folder.resolve("report.json").toFile());
        List<JsonNode> peel = new java.util.ArrayList<>();
        for (JsonNode f : report.get("flags")) if (f.get("rule").asString().equals("PEEL_CHAIN")) peel.add(f);
        assertThat(peel).hasSize(2).extracting(f -> f.get("chain").asString()).containsExactlyInAnyOrder("ethereum", "bitcoin");
        JsonNode flag = peel.stream().filter(f -> f.get("chain").asString().equals("ethereum")).findFirst().orElseThrow();
        // Bitcoin's planted peel chain (sample-data/README.md): its three steps' txids in chain order
        JsonNode btc = peel.stream().filter(f -> f.get("chain").asString().equals("bitcoin")).findFirst().orElseThrow();
        assertThat(btc.get("address").asString()).isEqualTo("bc1q8j3ytvpy6y6m34yym0ssr5wjp3t874at7kqych");
        assertThat(words(btc.get("evidence"))).isEqualTo("770ab913286304984f842de292c82ddbfac30a51100d2e149421e62e08d0b66a "
                + "174db122ac96b5c64e3e503c0914809bd7e64a37d16b4a197ba4929633bb0a96 "
                + "5a70e573d178243b8d8021070d1b81dfcca5249a30be1fe8d178e02def12f7fa");
        assertThat(flag.get("address").asString()).isEqualTo(PEEL_START);
        assertThat(flag.get("severity").asString()).isEqualTo("LOW");
        assertThat(flag.get("hops").asInt()).isEqualTo(2);
        List<String> evidence = new java.util.ArrayList<>();
        for (JsonNode e : flag.get("evidence")) evidence.add(e.asString());
        assertThat(evidence).isEqualTo(PEEL_EVIDENCE);
        assertThat(flag.get("flowIds").size()).isEqualTo(1);
        List<CSVRecord> rows = new java.util.ArrayList<>();
        for (CSVRecord r : csv(folder.resolve("flagged-flows.csv"))) if (r.get("rule").equals("PEEL_CHAIN") && r.get("chain").equals("ethereum")) rows.add(r);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("address")).isEqualTo(PEEL_START);
        assertThat(rows.get(0).get("evidence_tx_hashes")).isEqualTo(String.join(";", PEEL_EVIDENCE));
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
    void unchangedNightsReuseTheTraceAndReferToTheFlagsMarkingNothingNew() throws Exception {
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-29", "--report-dir=" + reports)).isZero();
        CapturedRun third = CapturedRun.of(() -> fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-30", "--report-dir=" + reports));
        assertThat(third.exit()).isZero();
        // the flows and flags below are those of the first night's trace, not computed again
        assertThat(third.err()).contains("its trace is reused").containsPattern("flags of run \\d+ reused");
        Map<String, String> first = flagsById(reports.resolve("ira-nightly/2026-11-28/flagged-flows.csv"));
        JsonNode firstJson = JsonMapper.builder().build().readTree(reports.resolve("ira-nightly/2026-11-28/report.json").toFile());
        for (String night : new String[]{"2026-11-29", "2026-11-30"}) {
            Map<String, String> later = flagsById(reports.resolve("ira-nightly/" + night + "/flagged-flows.csv"));
            assertThat(later).as(night).isEqualTo(first);
            for (CSVRecord r : csv(reports.resolve("ira-nightly/" + night + "/flagged-flows.csv"))) {
                assertThat(r.get("new_since_last_run")).isEqualTo("false");
            }
            JsonNode laterJson = JsonMapper.builder().build().readTree(reports.resolve("ira-nightly/" + night + "/report.json").toFile());
            // flows (spliced from the trace's flows file, paths included) and exposures as on the first night
            assertThat(laterJson.get("flows")).isEqualTo(firstJson.get("flows"));
            assertThat(laterJson.get("exposures")).isEqualTo(firstJson.get("exposures"));
            assertThat(laterJson.get("flows").get(0).get("path").size()).isPositive();
            // the page reads only the paths it shows, and shows the same ones: same drawing, same listed paths
            for (String section : new String[]{"graph", "flows"}) {
                assertThat(htmlSection(reports.resolve("ira-nightly/" + night + "/report.html"), section)).as(night + " " + section)
                        .isEqualTo(firstPage.get(section));
            }
            // the export's warnings (skipped ERC-721 transfers), recorded by the run that loaded it
            assertThat(laterJson.get("warnings")).isEqualTo(firstJson.get("warnings"));
            assertThat(laterJson.get("warnings").size()).isPositive();
            JsonNode changes = laterJson.get("changes");
            assertThat(changes.get("newFlagIds").size()).isZero();
            assertThat(changes.get("resolvedFlags").size()).isZero();
        }
        // the later nights hold no flags of their own: theirs are those of the run that traced (its files, and its
        // key hashes in the database)
        try (var db = CapturedRun.database(work.resolve("data")); var st = db.createStatement();
             var rs = st.executeQuery("""
                     SELECT h.run_date, (SELECT COUNT(*) FROM run_flag_keys k WHERE k.run_id = h.run_id),
                            (SELECT t.source_run_id FROM run_trace t WHERE t.run_id = h.run_id)
                     FROM run_history h WHERE h.job_name = 'ira-nightly' AND h.run_date > DATE '2026-11-28'""")) {
            int nights = 0;
            while (rs.next()) {
                nights++;
                assertThat(rs.getLong(2)).as(rs.getString(1)).isZero();
                assertThat(Files.isDirectory(work.resolve("data/runs/" + rs.getLong(3) + "/findings"))).as(rs.getString(1)).isTrue();
            }
            assertThat(nights).isEqualTo(2);
        }
        CapturedRun history = CapturedRun.of(() -> fundtrace("history", "ira-nightly"));
        // history: same transfers, reached addresses and flags by severity (the five numbers before the folder)
        assertThat(historyCounts(history.out(), "2026-11-30")).isEqualTo(historyCounts(history.out(), "2026-11-28"));
    }

    private static String htmlSection(Path page, String id) throws java.io.IOException {
        String html = Files.readString(page);
        String from = html.substring(html.indexOf("<section id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</section>"));
    }

    /** The values of every field named *Raw, anywhere in the tree (nulls left out). */
    private static void collectRaw(JsonNode node, List<String> out) {
        if (node.isArray()) for (JsonNode c : node) collectRaw(c, out);
        if (!node.isObject()) return;
        for (var field : node.properties()) {
            if (field.getKey().endsWith("Raw") && !field.getValue().isNull()) out.add(field.getValue().asString());
            else collectRaw(field.getValue(), out);
        }
    }

    private static List<String> historyCounts(String history, String runDate) {
        String line = history.lines().filter(l -> l.contains(" " + runDate + " ")).reduce((a, b) -> b).orElseThrow();
        List<String> tokens = List.of(line.trim().split("\\s+"));
        return tokens.subList(tokens.size() - 6, tokens.size() - 1);
    }

    /** flag id -> the flag's rule, address, hops, evidence and flows, from a flagged-flows.csv */
    private static Map<String, String> flagsById(Path file) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (CSVRecord r : csv(file)) {
            flags.put(r.get("flag_id"), String.join("|", r.get("rule"), r.get("severity"), r.get("address"), r.get("hops"),
                    r.get("flow_ids"), r.get("evidence_tx_hashes"), r.get("tainted_amount_raw")));
        }
        return flags;
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
        // a missing export is a late input, not a broken job file: exit 1 naming it, so a scheduler retries (#17, item 10)
        CapturedRun late = CapturedRun.of(() -> fundtrace("run", missing.toString()));
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.err()).contains("missing input ledger.ethereum.files: /nonexistent/export");
        CapturedRun validate = CapturedRun.of(() -> fundtrace("validate", "jobs/ira-nightly.yml"));
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).as("validate reads the job's reviews.csv too").containsPattern("reviews\\.csv: \\d+ reviews, 0 refused");
        assertThat(validate.out()).as("each chain's family checks its own source")
                .contains("ethereum: ethereum-etl export, with token transfers, receipt status present")
                .contains("bitcoin-etl export folder for bitcoin").contains("bitcoin-etl export folder for bitcoinsv");
        assertThat(fundtrace("frobnicate")).isEqualTo(2);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        Reader in = Files.newBufferedReader(file);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
}
