package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.chain.ethereum.rpc.Anvil;
import dev.fundtrace.chain.ethereum.rpc.AnvilExtension;
import dev.fundtrace.chain.ethereum.rpc.ChainExporter;
import dev.fundtrace.chain.ethereum.rpc.FlakyProxy;
import dev.fundtrace.chain.ethereum.rpc.IraScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #3, "Done when": the nightly job run through the command line with {@code ledger.ethereum.rpc} pointing at a
 * real Anvil node gives the same report as the job run over an ethereum-etl export written from the same chain up
 * to the same confirmed block, by trace_filter (with eth_getLogs) and by block scan; the next night gathers only the
 * new blocks and marks only the new flags as new; a key in the node URL never reaches a report file or the console.
 * Issue #16: "the same report" is the whole report.json ({@link #assertSameReport}), the reverted transactions'
 * count in the coverage included.
 *
 * <p>The chain is {@link IraScenario} (the IRA ETH addresses of SDN uids 29702 and 29703 as seeds) plus a cash-out
 * through a deposit address to a labelled exchange (hop 2), a payment to a labelled mixer, an exchange funding a seed
 * and three payments just under the structuring threshold.
 */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RpcJobFunctionalTests {
    // labelled in sample-data/labels/labels.csv
    static final String BINANCE_14 = "0x28c6c06298d514db089934071355e5743bf21d60", KRAKEN_4 = "0x267be1c1d684f78cb4f6a176c4911b741e4ffdc0",
            POLONIEX = "0x32be343b94f860124dc4fee278fdcbd38c102d88", TORNADO_1 = "0x47ce0c6ed5b0ce3d3a51fdb1c52dc66a7c3c2936";
    static final String DEPOSIT = "0x8888888888888888888888888888888888888888", SPLIT = "0x9999999999999999999999999999999999999999";
    static final BigInteger ETH = IraScenario.ETH;
    static final int CONFIRMATIONS = 2;
    static final String D1 = "2026-12-01", D2 = "2026-12-02";
    static final Path SDN = Path.of("sample-data/ofac/sdn_advanced.xml").toAbsolutePath(),
            LABELS = Path.of("sample-data/labels/labels.csv").toAbsolutePath();

    @TempDir
    static Path work;
    Anvil anvil;
    IraScenario sc;
    long confirmed1;
    JsonNode export1;

    @BeforeAll
    void chain(Anvil anvil) throws Exception {
        this.anvil = anvil;
        sc = IraScenario.build(anvil);
        String a = sc.seeds.get(0), b = sc.seeds.get(1), c = sc.seeds.get(2);
        anvil.call("anvil_impersonateAccount", DEPOSIT);
        anvil.sendEth(a, DEPOSIT, ETH.multiply(BigInteger.valueOf(3)));                        // hop 1
        anvil.sendEth(DEPOSIT, BINANCE_14, ETH.multiply(BigInteger.valueOf(29)).divide(BigInteger.TEN)); // hop 2: cash-out
        anvil.sendEth(b, TORNADO_1, ETH);                                                      // mixer, hop 1
        anvil.fund(KRAKEN_4, ETH.multiply(BigInteger.valueOf(50)));
        anvil.sendEth(KRAKEN_4, c, ETH.multiply(BigInteger.valueOf(5)));                       // exchange funds a seed
        for (int i = 0; i < 3; i++) anvil.sendEth(c, SPLIT, ETH.multiply(BigInteger.valueOf(95)).divide(BigInteger.TEN)); // 9.5 < 10
        anvil.mine(CONFIRMATIONS);
        confirmed1 = anvil.blockNumber() - CONFIRMATIONS;
    }

    @Test
    @Order(1)
    void nodeByTraceFilterGivesTheExportsReport() throws Exception {
        export1 = exportRun("export-1", 0, confirmed1, D1);
        Run node = fundtrace("data-tf", rpcJob("tf", anvil.url(), true), D1);
        assertThat(node.exit).as(node.err).isZero();
        assertThat(node.err).contains("trace_filter, blocks 0–" + confirmed1);
        JsonNode report = node.report(D1);
        assertSameReport(report, export1);

        // not vacuous: the rules fired on both sides of the trace
        Map<String, JsonNode> flags = flagsByKey(report);
        assertThat(flags.keySet()).contains("EXCHANGE_CASH_OUT|ETH|" + BINANCE_14, "MIXER|ETH|" + TORNADO_1,
                "EXCHANGE_FUNDING|ETH|" + KRAKEN_4, "DIRECT_COUNTERPARTY|ETH|" + DEPOSIT, "RAPID_PASS_THROUGH|ETH|" + DEPOSIT,
                "STRUCTURING|ETH|" + sc.seeds.get(2), "DIRECT_COUNTERPARTY|" + sc.token + "|" + IraScenario.X1);
        JsonNode cashOut = flags.get("EXCHANGE_CASH_OUT|ETH|" + BINANCE_14);
        assertThat(cashOut.get("hops").asInt()).isEqualTo(2);
        assertThat(cashOut.get("depositAddress").asString()).isEqualTo(DEPOSIT);
        assertThat(cashOut.get("evidence").size()).isEqualTo(2);
        // a first run: nothing to compare with, so nothing is "new since last run"
        assertThat(flags.values()).noneMatch(f -> f.get("newSinceLastRun").asBoolean());
        // the internal (contract) transfer reached Y at hop 2 on both sides
        assertThat(exposures(report)).containsKey("forward|ETH|" + IraScenario.Y);
        // token metadata read from the contracts: a string symbol, a bytes32 one, and one unknown (symbol() reverts)
        List<String> symbols = new ArrayList<>();
        report.at("/coverage/chains/0/assets").forEach(a -> symbols.add(a.get("symbol").asString() + "/" + a.get("decimals").asInt()));
        assertThat(symbols).contains("FUND/18", "MKR/18", sc.unnamed + "/8");
        assertThat(report.get("warnings").toString()).contains(AssetInfo.unknownMetadata(sc.unnamed, true, false));
        assertThat(flags).containsKey("INDIRECT_EXPOSURE|" + sc.token + "|" + IraScenario.X2); // FUND's threshold applied
        // the reverted cases of IraScenario: counted, and nothing reached through them
        assertThat(report.at("/coverage/chains/0/reverted").asLong()).isEqualTo(3);
        assertThat(exposures(report)).containsKey("forward|ETH|" + sc.attempter)
                .doesNotContainKeys("forward|ETH|" + sc.reverter, "forward|ETH|" + sc.revertAfterForward, "forward|ETH|" + IraScenario.V);
        assertThat(report.get("exposures").toString()).doesNotContain(IraScenario.X5).doesNotContain(sc.logThenRevert);
    }

    @Test
    @Order(2)
    void nodeByBlockScanGivesTheExportsReport() throws Exception {
        Run node = fundtrace("data-bs", rpcJob("bs", anvil.url(), false), D1);
        assertThat(node.exit).as(node.err).isZero();
        assertThat(node.err).contains("block_scan, blocks 0–" + confirmed1);
        assertSameReport(node.report(D1), export1);
    }

    @Test
    @Order(3)
    void theNextNightGathersOnlyNewBlocksAndMarksOnlyNewFlagsAsNew() throws Exception {
        Path data = work.resolve("data-tf");
        List<long[]> before = segments(data);
        assertThat(before).hasSize(1);
        Map<String, JsonNode> old = flagsByKey(Run.of(data).report(D1));

        // a new hop: a seed pays FAR2 (5 hops out on the first night, outside the 4-hop horizon), which cashes out
        anvil.sendEth(sc.seeds.get(0), IraScenario.FAR2, ETH);
        anvil.call("anvil_impersonateAccount", IraScenario.FAR2);
        anvil.sendEth(IraScenario.FAR2, POLONIEX, ETH.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)));
        // and more of a token whose symbol the first night asked: known now, from the database
        anvil.send(sc.seeds.get(0), sc.mkr, BigInteger.ZERO, Anvil.tokenTransfer(IraScenario.X3, ETH), 100_000);
        anvil.mine(CONFIRMATIONS);
        long confirmed2 = anvil.blockNumber() - CONFIRMATIONS;

        Run node;
        List<String> ranges = new ArrayList<>();
        try (FlakyProxy proxy = new FlakyProxy(anvil.url())) { // records the calls
            node = fundtrace("data-tf", rpcJob("tf", proxy.url(), true), D2);
            proxy.calls().stream().filter(c -> List.of("eth_getLogs", "trace_filter").contains(c.get("method").asText()))
                    .forEach(c -> ranges.add(c.get("params").get(0).toString()));
            assertThat(proxy.calls()).as("token metadata asked again").noneMatch(c -> c.get("method").asText().equals("eth_call"));
        }
        assertThat(node.exit).as(node.err).isZero();
        // the addresses gathered on the first night are asked only about the new blocks; only FAR2, expanded for the
        // first time, is asked about its whole history
        String far2 = IraScenario.FAR2.substring(2), seedA = sc.seeds.get(0).substring(2);
        assertThat(ranges).anyMatch(r -> r.contains("\"fromBlock\":\"0x" + Long.toHexString(confirmed1 + 1) + "\"") && r.contains(seedA));
        for (String r : ranges) {
            long from = Long.parseLong(r.replaceAll(".*\"fromBlock\":\"0x([0-9a-f]+)\".*", "$1"), 16);
            if (from <= confirmed1) assertThat(r).as("range query over old blocks").contains(far2).doesNotContain(seedA);
        }
        JsonNode report = node.report(D2);
        Map<String, JsonNode> flags = flagsByKey(report);
        assertThat(flags).containsKeys("EXCHANGE_CASH_OUT|ETH|" + POLONIEX, "DIRECT_COUNTERPARTY|ETH|" + IraScenario.FAR2);
        for (var f : flags.entrySet()) {
            assertThat(f.getValue().get("newSinceLastRun").asBoolean()).as(f.getKey()).isEqualTo(!old.containsKey(f.getKey()));
        }
        assertThat(flags.get("EXCHANGE_CASH_OUT|ETH|" + POLONIEX).get("newSinceLastRun").asBoolean()).isTrue();
        assertThat(flags.get("DIRECT_COUNTERPARTY|" + sc.mkr + "|" + IraScenario.X3).get("assetSymbol").asString()).isEqualTo("MKR");
        assertThat(flags.keySet()).containsAll(old.keySet());

        // the new segment holds only new transfers (FAR2's old transfer with FAR, read again, is not stored twice)
        List<long[]> after = segments(data);
        assertThat(after).hasSize(2);
        assertThat(after.get(1)[0]).as("from_block of the second segment").isGreaterThan(before.get(0)[1]);
        assertThat(after.get(1)[1]).isEqualTo(confirmed2);
        try (Connection db = CapturedRun.database(data); ResultSet rs = db.createStatement().executeQuery(
                "SELECT address, kind, from_block, to_block FROM rpc_checkpoint ORDER BY address, kind")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getLong(3)).isZero();
                assertThat(rs.getLong(4)).as(rs.getString(1) + " " + rs.getString(2)).isEqualTo(confirmed2);
            }
            assertThat(rows).isPositive();
        }

        // and the incremental ledger still equals the exports up to the new confirmed block, read night by night
        // as a nightly export job writes them (the second export holds only the new blocks)
        assertSameReport(report, exportRun("export-2", confirmed1 + 1, confirmed2, D2));
    }

    @Test
    @Order(4)
    void aKeyInTheNodeUrlReachesNoReportFileAndNoConsoleOutput() throws Exception {
        try (FlakyProxy proxy = new FlakyProxy(anvil.url())) { // Anvil answers only on "/": the proxy drops path and query
            String url = "http://user:SECRETKEY@127.0.0.1:" + proxy.port() + "/SECRETPATHKEY123456789?apikey=SECRETQ";
            Run node = fundtrace("data-secret", rpcJob("secret", url, true), D1);
            assertThat(node.exit).as(node.err).isZero();
            assertThat(proxy.calls()).isNotEmpty();
            assertThat(flagsByKey(node.report(D1))).isNotEmpty();
            assertThat(node.err).contains("127.0.0.1:" + proxy.port());
            assertNoSecret(node);
        }

        // a node that does not answer: the failure message names the endpoint without its key
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { closed = s.getLocalPort(); }
        String url = "http://user:SECRETKEY@127.0.0.1:" + closed + "/SECRETPATHKEY123456789?apikey=SECRETQ";
        Run failed = fundtrace("data-secret-down", rpcJob("secret-down", url, true)
                .replace("maxRetries: 3", "maxRetries: 1").replace("timeout: PT20S", "timeout: PT2S"), D1);
        assertThat(failed.exit).isEqualTo(1);
        assertThat(failed.err).contains("ledger").contains("127.0.0.1:" + closed);
        assertNoSecret(failed);
        Run history = fundtrace("data-secret-down", null, null, "history");
        assertThat(history.out + history.err).doesNotContain("SECRET");
    }

    // ---- comparison

    /**
     * The whole report.json equal, amounts to the unit, once the fields that name or measure the input are taken
     * out ({@link #comparable}); the reverted count of the coverage is compared.
     */
    static void assertSameReport(JsonNode node, JsonNode export) {
        assertThat(node.get("flags").size()).as("flags").isPositive();
        assertThat(node.at("/coverage/chains/0/reverted").asLong()).as("reverted").isPositive();
        assertThat(comparable(node).toPrettyString()).isEqualTo(comparable(export).toPrettyString());
        // the audit trail names each run's own input: the node (no files to digest), the export's files
        assertThat(node.at("/audit/ledgers/0/source").asString()).isEqualTo("rpc");
        assertThat(export.at("/audit/ledgers/0/source").asString()).isEqualTo("files");
        assertThat(export.at("/audit/ledgers/0/fileCount").asInt()).isPositive();
    }

    /**
     * A report without what legitimately differs between a run over a node and one over an export of the same
     * chain: when it was written, the input named in the parameters, the coverage's sources and the audit trail (an
     * export folder or a node URL, their load times and digests, and the job file), and what the export holds beyond the gather's reach: its transfer counts
     * include transfers no trace can reach (the unrelated W), and its first block is the chain's first, where the
     * gathered ledger starts at its first gathered transfer. Assets and exposures are compared in a fixed order.
     */
    static JsonNode comparable(JsonNode report) {
        ObjectNode r = (ObjectNode) report.deepCopy();
        r.remove("generatedAt");
        r.remove("audit");
        ((ObjectNode) r.get("parameters")).remove("ledger");
        ObjectNode coverage = (ObjectNode) r.get("coverage");
        coverage.remove("sources");
        for (JsonNode chain : coverage.get("chains")) {
            ((ObjectNode) chain).remove(List.of("fromBlock", "fromTime", "transfers"));
            for (JsonNode asset : chain.get("assets")) ((ObjectNode) asset).remove("transfers");
            // assets come in the ledger's order, and a ledger of several segments takes them in fingerprint order
            ((ObjectNode) chain).set("assets", sortedBy(chain.get("assets"), "asset"));
        }
        r.set("exposures", sortedBy(r.get("exposures"), "direction", "asset", "address"));
        ((ObjectNode) r.get("summary")).remove("transfers");
        return r;
    }

    private static ArrayNode sortedBy(JsonNode array, String... fields) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(n -> Stream.of(fields).map(f -> n.get(f).asString()).toList().toString()));
        ArrayNode out = JsonMapper.builder().build().createArrayNode();
        items.forEach(out::add);
        return out;
    }

    static Map<String, JsonNode> flagsByKey(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode f : report.get("flags")) {
            String key = f.get("rule").asString() + "|" + f.get("asset").asString() + "|" + f.get("address").asString();
            assertThat(out.put(key, f)).as("flag %s once", key).isNull();
        }
        return out;
    }

    static Map<String, JsonNode> exposures(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode e : report.get("exposures")) {
            String key = e.get("direction").asString() + "|" + e.get("asset").asString() + "|" + e.get("address").asString();
            assertThat(out.put(key, e)).as("exposure %s once", key).isNull();
        }
        return out;
    }

    static void assertNoSecret(Run run) throws Exception {
        assertThat(run.err).doesNotContain("SECRET");
        assertThat(run.out).doesNotContain("SECRET");
        if (Files.isDirectory(run.reports)) {
            try (Stream<Path> files = Files.walk(run.reports)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.toString()).doesNotContain("SECRET");
                }
            }
        }
    }

    // ---- runs

    /** The job over an export of blocks [from, to], in the data dir that all export nights share. */
    JsonNode exportRun(String name, long from, long to, String runDate) throws Exception {
        Path dir = work.resolve(name);
        ChainExporter.export(anvil, from, to, dir);
        Run r = fundtrace("data-export", job("ledger:\n  ethereum:\n    files: " + dir + "\n"), runDate);
        assertThat(r.exit).as(r.err).isZero();
        return r.report(runDate);
    }

    static String rpcJob(String name, String url, boolean traceFilter) {
        return job(rpcLedger(url, CONFIRMATIONS, traceFilter, 10_000));
    }

    /** The job file's ledger section for a node (shared with SampleReplayFunctionalTests). */
    static String rpcLedger(String url, int confirmations, boolean traceFilter, int logWindow) {
        return """
                ledger:
                  ethereum:
                    rpc: "%s"
                    fromBlock: 0
                    toBlock: latest
                    confirmations: %d
                    rpcOptions:
                      batchSize: 20
                      maxInFlight: 4
                      requestsPerSecond: 1000
                      maxRetries: 3
                      timeout: PT20S
                      logWindow: %d
                      useTraceFilter: %s
                """.formatted(url, confirmations, logWindow, traceFilter);
    }

    static String job(String ledger) {
        return """
                job: rpc-nightly
                designations:
                  files:
                    - %s
                  select:
                    uids: ["29702", "29703"]      # LIFSHITS, ANDREYEV
                %s  maxRejectedShare: 0.01
                labels:
                  - %s
                trace:
                  direction: both
                  maxHops: 4
                  dust: { ETH: "0" }
                rules:
                  indirectExposureMin: { ETH: "0.5", FUND: "100" }   # a token named by the symbol its contract answers
                  rapidPassThroughWindow: PT1H
                  structuringThreshold: { ETH: "10" }
                  structuringWindow: P1D
                  structuringMinTransfers: 3
                report:
                  dir: reports
                  formats: [html, csv, json]
                """.formatted(SDN, ledger, LABELS);
    }

    record Run(int exit, String out, String err, Path reports) {
        static Run of(Path data) {
            return new Run(0, "", "", data.resolve("reports"));
        }

        JsonNode report(String runDate) {
            return JsonMapper.builder().build().readTree(reports.resolve("rpc-nightly").resolve(runDate).resolve("report.json").toFile());
        }
    }

    /** Runs the command line in its own data dir (job file written there), capturing stdout and stderr. */
    static Run fundtrace(String dataName, String jobText, String runDate, String... command) throws Exception {
        Path data = work.resolve(dataName), reports = data.resolve("reports");
        Files.createDirectories(data);
        Path jobFile = data.resolve("job-" + runDate + ".yml");
        if (jobText != null) Files.writeString(jobFile, jobText);
        String[] args = jobText == null ? command
                : new String[]{"run", jobFile.toString(), "--run-date=" + runDate, "--report-dir=" + reports};
        CapturedRun r = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", data.toString()).execute(args));
        System.err.println("---- fundtrace " + String.join(" ", args) + " → " + r.exit() + "\n" + r.err().replace("SECRET", "S*CRET"));
        return new Run(r.exit(), r.out(), r.err(), reports);
    }

    /** The job's ledger segments as [from_block, to_block], oldest first. */
    static List<long[]> segments(Path data) throws Exception {
        List<long[]> out = new ArrayList<>();
        try (Connection db = CapturedRun.database(data); ResultSet rs = db.createStatement().executeQuery("""
                SELECT s.from_block, s.to_block FROM ledger_segment s JOIN job_segment j ON j.fingerprint = s.fingerprint
                ORDER BY s.loaded_at, s.from_block""")) {
            while (rs.next()) out.add(new long[]{rs.getLong(1), rs.getLong(2)});
        }
        return out;
    }
}
