package dev.fundtrace.ledger.rpc;

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

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    List<String> seeds;
    @TempDir Path tmp;

    @BeforeAll
    void chain(Anvil anvil) throws Exception {
        this.anvil = anvil;
        IraScenario sc = IraScenario.build(anvil);   // shared with the job's functional tests (RpcJobFunctionalTests)
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
        assertTrue(got.warnings().isEmpty(), got.warnings().toString());

        Path dir = tmp.resolve("export-" + traceFilter + "-" + batchSize);
        ChainExporter.export(anvil, got.toBlock(), dir);
        SegmentBuilder export = Ledgers.export(dir);
        Set<Transfer> fromExport = Ledgers.transfers(export);
        Set<Transfer> fromNode = Ledgers.transfers(got.builder());

        Set<String> expanded = Set.of(seeds.get(0), seeds.get(1), seeds.get(2), X1, forwarder, Y, X2, Z);
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
        assertEquals(18, Ledgers.asset(got.builder(), token).decimals());
        assertEquals(18, Ledgers.asset(export, token).decimals());

        // the same trace over both
        List<Exposure> onNode = Ledgers.trace(got.builder(), seeds, Set.of(), MAX_HOPS);
        List<Exposure> onExport = Ledgers.trace(export, seeds, Set.of(), MAX_HOPS);
        assertFalse(onNode.isEmpty());
        assertEquals(onExport, onNode);
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

    static List<String> sorted(Set<Transfer> s) {
        List<String> out = new ArrayList<>();
        for (Transfer t : s) out.add(t.toString());
        out.sort(null);
        return out;
    }
}
