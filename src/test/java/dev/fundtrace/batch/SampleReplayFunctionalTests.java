package dev.fundtrace.batch;

import dev.fundtrace.chain.ethereum.rpc.Anvil;
import dev.fundtrace.chain.ethereum.rpc.ChainExporter;
import dev.fundtrace.chain.ethereum.rpc.IraScenario;
import dev.fundtrace.cli.FundtraceCommandLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue #16, "Done when": the sample export ({@code sample-data/ethereum}) replayed as real transactions on a fresh
 * Anvil, then
 * <ul>
 *   <li>(a) the job in node mode, by trace_filter and by block scan, gives the same report.json as the job over
 *       {@link ChainExporter}'s export of the replayed chain ({@link RpcJobFunctionalTests#comparable}; the coverage's
 *       last block and reverted count are checked on their own, see {@link #assertSameReport});</li>
 *   <li>(b) the replay is faithful: the node run's flags (rule, asset, address, hops) are
 *       {@code sample-data/expected/flags.csv}, its exposures (hops, haircut amounts) are
 *       {@code sample-data/expected/exposures.csv}, its flagged-flows.csv equals that of the sample job run over the
 *       original files (severity, seed, deposit address, tainted amount, explanation; flag and flow ids and evidence
 *       hashes apart, as transaction hashes necessarily differ), and the replayed chain's export holds the sample's
 *       value transfers per asset (3,561 ETH, 282 of them internal, and 1,430 USDT).</li>
 * </ul>
 *
 * <p>How it replays. Anvil starts with a genesis just before the sample's first block and mines in FIFO order. Each
 * sample block that holds a replayed transaction becomes one block: automine off, its transactions sent in
 * {@code transaction_index} order from the impersonated, generously funded senders, then {@code evm_mine} with the
 * original timestamp. Block numbers and transaction indexes differ (empty and skipped blocks are not mined, a filtered
 * export has gaps), the order and times are kept; so is every block's state, for the block scan's
 * debug_traceTransaction of old blocks. The replay takes about a minute of the test's 100 s here (Anvil's evm_mine
 * slows as the chain grows).
 * <ul>
 *   <li>ETH transactions (status 1): the same from, to and value.</li>
 *   <li>USDT transfers: a call from the transfer's {@code from} to the USDT address, which holds
 *       StringSymbolToken's runtime with symbol "USDT" and 6 decimals: it emits the real Transfer(from, to, value)
 *       and answers symbol()/decimals() as the export's tokens.csv says.</li>
 *   <li>Internal calls (traces.csv rows with a non-empty trace_address): every contract that makes them holds the
 *       Replayer runtime (src/test/resources/rpc/Replayer.sol), and the transaction's calldata is the program of its
 *       calls, nested as in the trace (the forwarder's call to the contract wallet carries the wallet's call to
 *       Poloniex). The Tornado pools get a large balance, since their withdrawals pay out of deposits.</li>
 *   <li>Errored internal calls: the callee holds Reverter's runtime, so the call fails and its caller keeps the
 *       value (the forwarder keeps the 2 ETH); its children (status 0 because their parent errored) are not sent.</li>
 *   <li>Reverted transactions (receipt status 0, 41 of them, every one a call with value to a contract that never
 *       receives anything successfully): the target holds Reverter's runtime.</li>
 * </ul>
 * Skipped, as they move no value: the 61 ERC-721 (CSC) transfers and their transactions, the value-less
 * {@code staticcall}s of the Tornado withdrawals and the forwarder wallet's value-less {@code delegatecall}. The CSC
 * transfer from Lifshits-2 to N1 (scenario row 14) is meant to reach no one, so (b) holds without it; the sample
 * job's warnings about skipped ERC-721 transfers are therefore not in the replay's report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleReplayFunctionalTests {
    static final Path SAMPLE = Path.of("sample-data/ethereum"), EXPECTED = Path.of("sample-data/expected");
    static final Path SDN = Path.of("sample-data/ofac/sdn_advanced.xml").toAbsolutePath(),
            LABELS = Path.of("sample-data/labels/labels.csv").toAbsolutePath();
    static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7", CSC = "0x2076ba69c211321b07c5841880f443780e36ba50";
    static final String JOB = "ira-replay", RUN_DATE = "2026-12-01";
    static final int CONFIRMATIONS = 2;
    static final BigInteger PLENTY = BigInteger.TEN.pow(27);

    @TempDir
    static Path work;
    Anvil anvil;
    long confirmed;
    int replayedTransactions, replayedBlocks;
    JsonNode exportReport;

    @BeforeAll
    void replay() throws Exception {
        long started = System.nanoTime();
        Map<Long, Long> blockTime = new HashMap<>();
        for (CSVRecord b : csv(SAMPLE.resolve("blocks.csv"))) blockTime.put(Long.parseLong(b.get("number")), Long.parseLong(b.get("timestamp")));
        Map<String, String> status = new HashMap<>();
        for (CSVRecord r : csv(SAMPLE.resolve("receipts.csv"))) status.put(r.get("transaction_hash"), r.get("status"));
        Map<String, CSVRecord> tokenTransfer = new HashMap<>();
        for (CSVRecord t : csv(SAMPLE.resolve("token_transfers.csv"))) {
            assertThat(tokenTransfer.put(t.get("transaction_hash"), t)).as("one token transfer per transaction").isNull();
        }
        Map<String, List<CSVRecord>> internal = new HashMap<>();
        for (CSVRecord t : csv(SAMPLE.resolve("traces.csv"))) {
            if (!t.get("trace_address").isEmpty()) internal.computeIfAbsent(t.get("transaction_hash"), h -> new ArrayList<>()).add(t);
        }
        Comparator<List<Integer>> depthFirst = (x, y) -> {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) if (!x.get(i).equals(y.get(i))) return Integer.compare(x.get(i), y.get(i));
            return Integer.compare(x.size(), y.size());
        };
        for (List<CSVRecord> calls : internal.values()) calls.sort(Comparator.comparing(c -> traceAddress(c.get("trace_address")), depthFirst));
        List<CSVRecord> txs = csv(SAMPLE.resolve("transactions.csv"));
        txs.sort(Comparator.comparingLong((CSVRecord t) -> Long.parseLong(t.get("block_number")))
                .thenComparingLong(t -> Long.parseLong(t.get("transaction_index"))));

        // what each transaction becomes: from, to, value, calldata; null when skipped
        Set<String> senders = new LinkedHashSet<>(), replayers = new LinkedHashSet<>(), reverters = new LinkedHashSet<>(),
                receivers = new LinkedHashSet<>();
        Map<String, String[]> plan = new HashMap<>();
        for (CSVRecord t : txs) {
            String hash = t.get("hash");
            CSVRecord token = tokenTransfer.get(hash);
            String[] p;
            if (token != null) {
                if (token.get("token_address").equals(CSC)) continue; // ERC-721: not value
                assertThat(token.get("token_address")).isEqualTo(USDT);
                assertThat(t.get("value")).isEqualTo("0");
                p = new String[]{token.get("from_address"), USDT, "0", Anvil.tokenTransfer(token.get("to_address"), new BigInteger(token.get("value")))};
            } else if ("0".equals(status.get(hash))) {
                assertThat(internal).doesNotContainKey(hash);
                reverters.add(t.get("to_address"));
                p = new String[]{t.get("from_address"), t.get("to_address"), t.get("value"), null};
            } else if (internal.containsKey(hash)) {
                String data = program(t.get("to_address"), internal.get(hash), "", replayers, reverters);
                p = new String[]{t.get("from_address"), t.get("to_address"), t.get("value"), "0x" + data};
                receivers.add(t.get("to_address"));
                for (CSVRecord c : internal.get(hash)) if (c.get("error").isEmpty() && c.get("status").equals("1")) receivers.add(c.get("to_address"));
            } else {
                assertThat(new BigInteger(t.get("value")).signum()).as("a value-less transaction %s", hash).isPositive();
                p = new String[]{t.get("from_address"), t.get("to_address"), t.get("value"), null};
                receivers.add(t.get("to_address"));
            }
            senders.add(p[0]);
            plan.put(hash, p);
        }
        assertThat(receivers).as("a reverting contract never receives anything successfully").doesNotContainAnyElementsOf(reverters);
        replayers.removeAll(reverters);
        assertThat(senders).as("no sender holds code").doesNotContainAnyElementsOf(replayers).doesNotContainAnyElementsOf(reverters);

        long first = blockTime.get(Long.parseLong(txs.get(0).get("block_number")));
        // every block's state kept, for debug_traceTransaction of old blocks (the block scan); Anvil keeps only the
        // recent ones by default and answers "Resource not found" for older transactions
        anvil = Anvil.start("--timestamp", String.valueOf(first - 13), "--order", "fifo", "--max-persisted-states", "100000");
        String tokenCode = runtime(IraScenario.resource("StringSymbolToken.hex"))
                .replace("601260005260206000f3", "600660005260206000f3")                        // decimals 18 -> 6
                .replace("46554e44" + "0".repeat(56), "55534454" + "0".repeat(56));               // "FUND" -> "USDT"
        assertThat(tokenCode).contains("6006600052", "55534454");
        anvil.call("anvil_setCode", USDT, "0x" + tokenCode);
        String replayer = "0x" + runtime(IraScenario.resource("Replayer.hex")), reverter = "0x" + runtime(IraScenario.resource("Reverter.hex"));
        for (String a : replayers) {
            anvil.call("anvil_setCode", a, replayer);
            anvil.call("anvil_setBalance", a, "0x" + PLENTY.toString(16));
        }
        for (String a : reverters) anvil.call("anvil_setCode", a, reverter);
        for (String s : senders) anvil.fund(s, PLENTY);

        anvil.automine(false);
        long block = -1;
        for (CSVRecord t : txs) {
            String[] p = plan.get(t.get("hash"));
            if (p == null) continue;
            long n = Long.parseLong(t.get("block_number"));
            if (n != block && block >= 0) mine(blockTime.get(block));
            block = n;
            anvil.send(p[0], p[1], new BigInteger(p[2]), p[3], 200_000); // gas given: the reverted ones go through
            replayedTransactions++;
        }
        mine(blockTime.get(block));
        anvil.automine(true);
        anvil.mine(CONFIRMATIONS);
        confirmed = anvil.blockNumber() - CONFIRMATIONS;
        assertThat(confirmed).as("one block per replayed sample block").isEqualTo(replayedBlocks);
        System.err.printf("replayed %d transactions in %d blocks in %d ms%n", replayedTransactions, replayedBlocks,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void mine(long timestamp) {
        anvil.call("evm_mine", timestamp); // the block's timestamp
        replayedBlocks++;
    }

    /**
     * The Replayer program of the calls under {@code parent} (a trace_address, "" for the root), made by
     * {@code caller}: the calls themselves, in trace order, each carrying its own children's program.
     */
    private static String program(String caller, List<CSVRecord> traces, String parent, Set<String> replayers, Set<String> reverters) {
        StringBuilder out = new StringBuilder();
        for (CSVRecord c : traces) {
            String path = c.get("trace_address");
            boolean child = parent.isEmpty() ? !path.contains(",") : path.startsWith(parent + ",") && !path.substring(parent.length() + 1).contains(",");
            if (!child) continue;
            if (List.of("delegatecall", "staticcall", "callcode").contains(c.get("call_type"))) {
                assertThat(c.get("value")).as("skipped, as it moves nothing").isEqualTo("0");
                continue;
            }
            assertThat(c.get("trace_type")).isEqualTo("call");
            String data;
            if (!c.get("error").isEmpty()) {
                reverters.add(c.get("to_address")); // fails; its children were never made
                data = "";
            } else {
                assertThat(c.get("status")).isEqualTo("1");
                data = program(c.get("to_address"), traces, path, replayers, reverters);
            }
            replayers.add(caller);
            int len = data.length() / 2;
            out.append(Anvil.word(c.get("to_address"))).append(Anvil.word(new BigInteger(c.get("value"))))
                    .append(Anvil.word(BigInteger.valueOf(len))).append(data).append("00".repeat((32 - len % 32) % 32));
        }
        return out.toString();
    }

    private static List<Integer> traceAddress(String path) {
        return java.util.Arrays.stream(path.split(",")).map(Integer::valueOf).toList();
    }

    /** A resource's runtime: its hex without the 12-byte init code (CODECOPY/RETURN) in front. */
    private static String runtime(String initAndRuntime) {
        assertThat(initAndRuntime.substring(2 + 4, 2 + 24)).isEqualTo("600c60003960" + initAndRuntime.substring(4, 6) + "6000f3");
        return initAndRuntime.substring(2 + 24);
    }

    @AfterAll
    void stop() {
        if (anvil != null) anvil.close();
    }

    @Test
    @Order(1)
    void nodeByTraceFilterGivesTheReportOfTheReplayedChainsExport() throws Exception {
        Path dir = work.resolve("export");
        ChainExporter.export(anvil, 0, confirmed, dir);
        Run export = fundtrace("data-export", job("ledger:\n  ethereum:\n    files: " + dir + "\n"));
        assertThat(export.exit).as(export.err).isZero();
        exportReport = export.report();

        Run node = fundtrace("data-tf", rpcJob(true));
        assertThat(node.exit).as(node.err).isZero();
        assertThat(node.err).contains("trace_filter, blocks 0–" + confirmed);
        JsonNode report = node.report();
        assertSameReport(report, exportReport);
        assertFaithful(report);

        // and the sample job over the original files: the same flags, amounts and explanations, and the replayed
        // chain's export holds the same value transfers per asset (3,561 ETH, of them 282 internal, and 1,430 USDT)
        Run sample = fundtrace("data-sample", job("ledger:\n  ethereum:\n    files: " + SAMPLE.toAbsolutePath() + "\n"));
        assertThat(sample.exit).as(sample.err).isZero();
        assertThat(flagRows(node)).containsExactlyElementsOf(flagRows(sample));
        assertThat(transfersByAsset(exportReport)).isEqualTo(transfersByAsset(sample.report()))
                .isEqualTo(Map.of("ETH", 3561L, USDT, 1430L));
    }

    /** flagged-flows.csv without what names transactions: flag and flow ids, evidence hashes; sorted. */
    static List<String> flagRows(Run run) throws Exception {
        List<String> out = new ArrayList<>();
        for (CSVRecord r : csv(run.reports.resolve(JOB).resolve(RUN_DATE).resolve("flagged-flows.csv"))) {
            out.add(String.join("|", r.get("rule"), r.get("severity"), r.get("asset"), r.get("asset_symbol"), r.get("address"),
                    r.get("seed"), r.get("hops"), r.get("deposit_address"), r.get("tainted_amount_raw"), r.get("tainted_amount"),
                    r.get("explanation").replaceAll("0x[0-9a-f]{64}", "0x…")));
        }
        out.sort(null);
        // 32 findings of (rule, asset, address); three addresses dealt directly with two seeds each, and a flag is
        // one per seed (#17: its identity includes the seed)
        assertThat(out).hasSize(35);
        return out;
    }

    static Map<String, Long> transfersByAsset(JsonNode report) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode a : report.at("/coverage/chains/0/assets")) out.put(a.get("asset").asString(), a.get("transfers").asLong());
        return out;
    }

    @Test
    @Order(2)
    void nodeByBlockScanGivesTheSameReport() throws Exception {
        Run node = fundtrace("data-bs", rpcJob(false));
        assertThat(node.exit).as(node.err).isZero();
        assertThat(node.err).contains("block_scan, blocks 0–" + confirmed);
        assertSameReport(node.report(), exportReport);
    }

    /**
     * {@link RpcJobFunctionalTests#assertSameReport}, and for the same reason as the coverage's first block and
     * transfer counts there, the coverage's last block and reverted count are compared on their own: both count what
     * the input holds, and the gathered ledger holds only what the trace reached, where the export holds the whole
     * replayed chain (noise included). A segment's last block is its last transfer's block, and the noise goes on
     * after the scenario ends; the node reverted only Andreyev's call to RV, the export holds the 41 reverted calls.
     */
    void assertSameReport(JsonNode node, JsonNode export) {
        assertThat(node.get("flags").size()).as("flags").isPositive();
        assertThat(export.at("/coverage/chains/0/toBlock").asLong()).isEqualTo(confirmed);
        assertThat(export.at("/coverage/chains/0/reverted").asLong()).isEqualTo(41);
        assertThat(node.at("/coverage/chains/0/reverted").asLong()).as("Andreyev -> RV").isEqualTo(1);
        assertThat(node.at("/coverage/chains/0/toBlock").asLong()).isPositive().isLessThan(confirmed);
        assertThat(comparable(node)).isEqualTo(comparable(export));
    }

    static String comparable(JsonNode report) {
        JsonNode r = RpcJobFunctionalTests.comparable(report);
        for (JsonNode chain : r.at("/coverage/chains")) ((ObjectNode) chain).remove(List.of("toBlock", "toTime", "reverted"));
        return r.toPrettyString();
    }

    /** (b): the flags and exposures of the sample job over the original files (the reference tracer's), hashes apart. */
    static void assertFaithful(JsonNode report) throws Exception {
        Set<String> expected = new TreeSet<>(), actual = new TreeSet<>();
        for (CSVRecord r : csv(EXPECTED.resolve("flags.csv"))) {
            expected.add(r.get("rule") + "|" + r.get("asset") + "|" + r.get("address") + "|" + r.get("hops"));
        }
        for (JsonNode f : report.get("flags")) {
            actual.add(f.get("rule").asString() + "|" + f.get("asset").asString() + "|" + f.get("address").asString() + "|" + f.get("hops").asInt());
        }
        assertThat(actual).containsExactlyElementsOf(expected);

        Map<String, String[]> want = new TreeMap<>();
        for (CSVRecord r : csv(EXPECTED.resolve("exposures.csv"))) {
            want.put(r.get("direction") + "|" + r.get("asset") + "|" + r.get("address"), new String[]{r.get("hops"), r.get("tainted_amount_raw")});
        }
        Map<String, JsonNode> got = RpcJobFunctionalTests.exposures(report);
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        for (var e : got.entrySet()) {
            String[] w = want.get(e.getKey());
            assertThat(e.getValue().get("hops").asInt()).as(e.getKey()).isEqualTo(Integer.parseInt(w[0]));
            double exact = Double.parseDouble(w[1]);
            assertThat(Double.parseDouble(e.getValue().get("taintedAmountRaw").asString())).as(e.getKey())
                    .isCloseTo(exact, within(Math.max(1, exact) * 1e-9));
        }
    }

    // ---- runs

    String rpcJob(boolean traceFilter) {
        // the replay's chain is long: one log window over it all
        return job(RpcJobFunctionalTests.rpcLedger(anvil.url(), CONFIRMATIONS, traceFilter, 100_000));
    }

    /** jobs/ira-nightly.yml with another ledger and absolute paths. */
    static String job(String ledger) {
        return """
                job: %s
                designations:
                  files:
                    - %s
                  select:
                    uids: ["29702", "29703", "29745"]      # LIFSHITS, ANDREYEV, ASLANOVA
                %s  maxRejectedShare: 0.01
                labels:
                  - %s
                trace:
                  direction: both
                  maxHops: 4
                  dust: { ETH: "0" }
                rules:
                  indirectExposureMin: { ETH: "0.5", USDT: "1000" }
                  rapidPassThroughWindow: PT1H
                  structuringThreshold: { ETH: "10", USDT: "10000" }
                  structuringWindow: P1D
                  structuringMinTransfers: 3
                report:
                  dir: reports
                  formats: [html, csv, json]
                """.formatted(JOB, SDN, ledger, LABELS);
    }

    record Run(int exit, String out, String err, Path reports) {
        JsonNode report() {
            return JsonMapper.builder().build().readTree(reports.resolve(JOB).resolve(RUN_DATE).resolve("report.json").toFile());
        }
    }

    /** Runs the command line in its own data dir (job file written there), capturing stdout and stderr. */
    static Run fundtrace(String dataName, String jobText) throws Exception {
        Path data = work.resolve(dataName), reports = data.resolve("reports");
        Files.createDirectories(data);
        Path jobFile = data.resolve("job.yml");
        Files.writeString(jobFile, jobText);
        String[] args = {"run", jobFile.toString(), "--run-date=" + RUN_DATE, "--report-dir=" + reports};
        long started = System.nanoTime();
        CapturedRun r = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", data.toString()).execute(args));
        System.err.println("---- fundtrace " + String.join(" ", args) + " → " + r.exit() + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms\n" + r.err());
        return new Run(r.exit(), r.out(), r.err(), reports);
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords());
        }
    }
}
