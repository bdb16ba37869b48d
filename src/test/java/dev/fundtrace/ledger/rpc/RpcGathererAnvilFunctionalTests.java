package dev.fundtrace.ledger.rpc;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.SegmentBuilder;
import dev.fundtrace.trace.Exposure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #3, point 4: on a real Anvil chain, the transfers gathered from the node equal those an ethereum-etl
 * export of the same blocks gives (restricted to the addresses within the horizon), and so does the trace.
 * The designated addresses send real transactions (impersonated): ETH, a token, a reverted call and an ETH
 * forward through a contract (an internal call).
 */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcGathererAnvilFunctionalTests {
    static final BigInteger ETH = IraScenario.ETH;
    static final String X1 = IraScenario.X1, X2 = IraScenario.X2, Y = IraScenario.Y, Z = IraScenario.Z, W = IraScenario.W,
            FAR2 = IraScenario.FAR2;
    static final int MAX_HOPS = 3;

    Anvil anvil;
    String token, forwarder, reverter;
    IraScenario sc;
    List<String> seeds;
    @TempDir Path tmp;

    @BeforeAll
    void chain(Anvil anvil) throws Exception {
        this.anvil = anvil;
        sc = IraScenario.build(anvil);   // shared with the job's functional tests (RpcJobFunctionalTests)
        seeds = sc.seeds;
        token = sc.token;
        forwarder = sc.forwarder;
        reverter = sc.reverter;
        anvil.mine(2);
    }

    @ParameterizedTest(name = "traceFilter={0} batchSize={1}")
    @CsvSource({"true,10", "false,10", "false,1"})
    void nodeEqualsExport(boolean traceFilter, int batchSize) throws Exception {
        long head = anvil.blockNumber();
        GatherRequest req = new GatherRequest(anvil.url(), Set.copyOf(seeds), Set.of(), MAX_HOPS, 0, "latest", 2,
                Ledgers.options(batchSize, traceFilter), null, null);
        GatherResult got = new RpcLedgerGatherer().gather(req);
        assertEquals(traceFilter ? "trace_filter" : "block_scan", got.mode());
        assertEquals(head - 2, got.toBlock());
        // the one thing to warn about: the token whose symbol() reverts
        assertEquals(List.of(AssetInfo.unknownMetadata(sc.unnamed, true, false)), got.warnings());

        Path dir = tmp.resolve("export-" + traceFilter + "-" + batchSize);
        ChainExporter.export(anvil, got.toBlock(), dir);
        SegmentBuilder export = Ledgers.export(dir);
        Set<Transfer> fromExport = Ledgers.transfers(export);
        Set<Transfer> fromNode = Ledgers.transfers(got.builder());

        Set<String> expanded = Set.of(seeds.get(0), seeds.get(1), seeds.get(2), X1, forwarder, sc.attempter, Y, X2, Z,
                IraScenario.X3, IraScenario.X4);
        Set<Transfer> expected = fromExport.stream().filter(t -> expanded.contains(t.from()) || expanded.contains(t.to()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertEquals(sorted(expected), sorted(fromNode));
        assertEquals(Set.copyOf(got.transfers()), fromNode);

        // not vacuous: every kind is there, and the horizon and unrelated transfers were left out
        EnumSet<TransferKind> kinds = EnumSet.noneOf(TransferKind.class);
        fromNode.forEach(t -> kinds.add(t.kind()));
        assertEquals(EnumSet.allOf(TransferKind.class), kinds);
        assertTrue(fromExport.stream().anyMatch(t -> t.to().equals(FAR2)));
        assertTrue(fromExport.stream().anyMatch(t -> t.to().equals(W)));
        assertFalse(fromNode.stream().anyMatch(t -> t.to().equals(FAR2) || t.to().equals(W)));
        assertTrue(fromNode.stream().allMatch(t -> t.blockTime() != null));
        Transfer internal = fromNode.stream().filter(t -> t.kind() == TransferKind.INTERNAL).findFirst().orElseThrow();
        assertEquals(forwarder, internal.from());
        assertEquals(Y, internal.to());
        assertEquals(1, internal.subPosition());
        // symbol() as a string, as a bytes32 and reverting: the same metadata as the export's tokens.csv
        for (SegmentBuilder b : List.of(got.builder(), export)) {
            assertEquals(new AssetInfo(token, "FUND", 18), Ledgers.asset(b, token));
            assertEquals(new AssetInfo(sc.mkr, "MKR", 18), Ledgers.asset(b, sc.mkr));
            assertEquals(new AssetInfo(sc.unnamed, null, 8), Ledgers.asset(b, sc.unnamed));
        }

        // the same trace over both
        List<Exposure> onNode = Ledgers.trace(got.builder(), seeds, Set.of(), MAX_HOPS);
        List<Exposure> onExport = Ledgers.trace(export, seeds, Set.of(), MAX_HOPS);
        assertFalse(onNode.isEmpty());
        assertEquals(onExport, onNode);
        revertedCasesMoveNothing(fromNode, onNode);
        revertedCasesMoveNothing(fromExport, onExport);
    }

    /**
     * Issue #16: the reverted top-level call is kept as REVERTED (counted, not traced); the failed internal call
     * under a successful transaction and the successful one under a reverted transaction are no transfers at all,
     * and a token log of a reverted transaction does not exist.
     */
    void revertedCasesMoveNothing(Set<Transfer> transfers, List<Exposure> exposures) {
        String c = seeds.get(2);
        assertEquals(List.of(TransferKind.REVERTED + " " + c + "->" + reverter), kinds(transfers, sc.topLevelRevert));
        assertEquals(List.of(TransferKind.NATIVE + " " + c + "->" + sc.attempter), kinds(transfers, sc.revertedInternal));
        assertEquals(List.of(TransferKind.REVERTED + " " + c + "->" + sc.revertAfterForward), kinds(transfers, sc.internalUnderRevert));
        assertEquals(List.of(), kinds(transfers, sc.logUnderRevert), "no value, and no token log");
        assertEquals(3, transfers.stream().filter(t -> t.kind() == TransferKind.REVERTED).count(), "reverted with value");
        Set<String> reached = exposures.stream().map(Exposure::address).collect(Collectors.toSet());
        assertTrue(reached.contains(sc.attempter), "the attempter kept what it was paid: " + reached);
        for (String never : List.of(reverter, sc.revertAfterForward, IraScenario.V, IraScenario.X5)) {
            assertFalse(reached.contains(never), never + " reached only through reverted calls: " + reached);
        }
    }

    static List<String> kinds(Set<Transfer> transfers, String txHash) {
        return transfers.stream().filter(t -> t.txHash().equals(txHash)).map(t -> t.kind() + " " + t.from() + "->" + t.to()).toList();
    }

    @org.junit.jupiter.api.Test
    void servicesAreNotExpanded() {
        // the forwarder labelled as a service: transfers with it are kept, its counterparties are not grown
        GatherRequest req = new GatherRequest(anvil.url(), Set.copyOf(seeds), Set.of(forwarder), MAX_HOPS, 0, "latest", 2,
                Ledgers.options(10, true), null, null);
        GatherResult got = new RpcLedgerGatherer().gather(req);
        Set<Transfer> fromNode = Ledgers.transfers(got.builder());
        assertTrue(fromNode.stream().anyMatch(t -> t.to().equals(forwarder)));
        assertFalse(fromNode.stream().anyMatch(t -> t.from().equals(forwarder)));
        assertFalse(fromNode.stream().anyMatch(t -> t.from().equals(Y) || t.to().equals(Y)));
    }

    @org.junit.jupiter.api.Test
    void theReceiptDecidesWhetherATracedTransactionReverted() throws Exception {
        // a node whose traces do not mark the reverted transactions (only their receipts do): without the receipt
        // status, the reverter and V would be reached at hop 1 and no transaction counted as reverted
        GatherRequest direct = new GatherRequest(anvil.url(), Set.copyOf(seeds), Set.of(), MAX_HOPS, 0, "latest", 2,
                Ledgers.options(10, true), null, null);
        Set<Transfer> want = Ledgers.transfers(new RpcLedgerGatherer().gather(direct).builder());
        try (FlakyProxy proxy = new FlakyProxy(anvil.url())) {
            proxy.always = FlakyProxy.Fault.HIDE_ROOT_ERRORS;
            GatherRequest req = new GatherRequest(proxy.url(), Set.copyOf(seeds), Set.of(), MAX_HOPS, 0, "latest", 2,
                    Ledgers.options(10, true), null, null);
            GatherResult got = new RpcLedgerGatherer().gather(req);
            assertEquals("trace_filter", got.mode());
            assertTrue(proxy.calls().stream().anyMatch(c -> c.get("method").asText().equals("trace_transaction")));
            Set<Transfer> fromNode = Ledgers.transfers(got.builder());
            assertEquals(sorted(want), sorted(fromNode));
            revertedCasesMoveNothing(fromNode, Ledgers.trace(got.builder(), seeds, Set.of(), MAX_HOPS));
        }
    }

    @org.junit.jupiter.api.Test
    void tokenMetadataIsAskedOncePerContractAcrossRuns() throws Exception {
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        TokenMetadataCache cache = new TokenMetadataCache(db).createTable();
        for (int night = 1; night <= 2; night++) {
            try (FlakyProxy proxy = new FlakyProxy(anvil.url())) { // records the calls
                GatherRequest req = new GatherRequest(proxy.url(), Set.copyOf(seeds), Set.of(), MAX_HOPS, 0, "latest", 2,
                        Ledgers.options(10, true), null, null, cache);
                GatherResult got = new RpcLedgerGatherer().gather(req);
                long ethCalls = proxy.calls().stream().filter(c -> c.get("method").asText().equals("eth_call")).count();
                assertEquals(night == 1 ? 6 : 0, ethCalls, "eth_call on night " + night + " (symbol and decimals of 3 tokens)");
                assertEquals(new AssetInfo(sc.mkr, "MKR", 18), Ledgers.asset(got.builder(), sc.mkr));
                // known to be unknown: said again every night, from the cache
                assertEquals(new AssetInfo(sc.unnamed, null, 8), Ledgers.asset(got.builder(), sc.unnamed));
                assertEquals(List.of(AssetInfo.unknownMetadata(sc.unnamed, true, false)), got.warnings());
            }
        }
        assertEquals(List.of(token + " FUND 18", sc.mkr + " MKR 18", sc.unnamed + " null 8").stream().sorted().toList(),
                db.query("SELECT address, symbol, decimals FROM rpc_token_metadata ORDER BY address",
                        (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)));
    }

    @org.junit.jupiter.api.Test
    void aContractThatRevertsOrReturnsNothingHasUnknownMetadata() {
        String eoa = "0x0000000000000000000000000000000000c0ffee";
        try (RpcClient client = new RpcClient(anvil.url(), Ledgers.options(10, true))) {
            Map<String, TokenCalls.Answer> got = TokenCalls.read(client, List.of(reverter, eoa, sc.mkr), anvil.blockNumber());
            // a revert and an empty return are the contract's answers (kept for later runs); unknown, never guessed
            assertEquals(new TokenCalls.Answer(new AssetInfo(reverter, null, -1), true), got.get(reverter));
            assertEquals(new TokenCalls.Answer(new AssetInfo(eoa, null, -1), true), got.get(eoa));
            assertEquals(new TokenCalls.Answer(new AssetInfo(sc.mkr, "MKR", 18), true), got.get(sc.mkr));
            assertEquals(AssetInfo.unknownMetadata(reverter, true, true), TokenCalls.warning(got.get(reverter).info()));
            // the node failing the call (here: a block it does not have) is no answer of the contract: not kept
            TokenCalls.Answer failed = TokenCalls.read(client, List.of(sc.mkr), anvil.blockNumber() + 1000).get(sc.mkr);
            assertEquals(new TokenCalls.Answer(new AssetInfo(sc.mkr, null, -1), false), failed);
        }
    }

    static List<String> sorted(Set<Transfer> s) {
        List<String> out = new ArrayList<>();
        for (Transfer t : s) out.add(t.toString());
        out.sort(null);
        return out;
    }
}
