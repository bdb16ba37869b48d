package dev.fundtrace.chain.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.store.ChainLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #3, point 3: checkpoints make the next run fetch only new blocks; a reorg above the confirmed depth changes nothing stored. */
@ExtendWith(AnvilExtension.class)
class RpcIncrementalFunctionalTests {
    static final BigInteger ETH = BigInteger.TEN.pow(18);
    final String a = Anvil.ira().get(0);
    RpcCheckpointStore store;
    FlakyProxy proxy;
    Anvil anvil;

    @BeforeEach
    void setUp(Anvil anvil) throws Exception {
        this.anvil = anvil;
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute(Files.readString(Path.of(getClass().getResource("/db/migration/V2__rpc_checkpoint.sql").toURI())));
        store = new RpcCheckpointStore(jdbc);
        proxy = new FlakyProxy(anvil.url());
        anvil.fund(a, ETH.multiply(BigInteger.valueOf(100)));
    }

    @AfterEach
    void tearDown() throws Exception { proxy.close(); }

    GatherRequest request(boolean traceFilter, int confirmations, RpcCheckpointStore cp, ChainLedger previous, String toBlock) {
        return new GatherRequest(proxy.url(), Set.of(a), Set.of(), 2, 0, toBlock, confirmations,
                Ledgers.options(10, traceFilter), cp, previous);
    }

    @ParameterizedTest(name = "traceFilter={0}")
    @ValueSource(booleans = {true, false})
    void secondRunFetchesOnlyNewBlocks(boolean traceFilter) {
        String x1 = fresh(), x5 = fresh(), x6 = fresh();
        anvil.sendEth(a, x1, ETH);
        anvil.fund(x1, ETH);
        RpcLedgerGatherer g = new RpcLedgerGatherer();
        GatherRequest r1 = request(traceFilter, 0, store, null, "latest");
        GatherResult run1 = g.gather(r1);
        g.commit(r1, run1);
        assertTrue(run1.transfers().stream().anyMatch(t -> t.to().equals(x1)));
        assertTrue(store.all("ethereum").stream().anyMatch(c -> c.address().equals(x1) && c.toBlock() == run1.toBlock()));

        // run 2: new blocks between known addresses only -> every range query starts after run 1's last block
        anvil.sendEth(x1, a, ETH.divide(BigInteger.TEN));
        anvil.sendEth(a, x1, ETH.divide(BigInteger.valueOf(5)));
        int before = proxy.calls().size();
        GatherRequest r2 = request(traceFilter, 0, store, ChainLedger.of(run1.builder()), "latest");
        GatherResult run2 = g.gather(r2);
        g.commit(r2, run2);
        List<JsonNode> calls = proxy.calls().subList(before, proxy.calls().size());
        assertEquals(2, run2.transfers().size(), run2.transfers().toString());
        assertTrue(run2.transfers().stream().allMatch(t -> t.blockNumber() > run1.toBlock()));
        long fullBlocks = 0, rangeQueries = 0;
        for (JsonNode c : calls) {
            String m = c.get("method").asText();
            if (m.equals("eth_getLogs") || m.equals("trace_filter")) {
                assertTrue(NodeRecords.quantity(c.get("params").get(0).get("fromBlock")) > run1.toBlock(), c.toString());
                rangeQueries++;
            }
            if (m.equals("eth_getBlockByNumber") && c.get("params").get(1).asBoolean()) {
                assertTrue(NodeRecords.quantity(c.get("params").get(0)) > run1.toBlock(), c.toString());
                fullBlocks++;
            }
        }
        if (traceFilter) assertTrue(rangeQueries > 0);
        else assertEquals(run2.toBlock() - run1.toBlock(), fullBlocks);
        if (!traceFilter) assertTrue(run2.rpcCalls() < run1.rpcCalls(), run2.rpcCalls() + " vs " + run1.rpcCalls());

        // run 3: x1 (found in run 1) pays a new address: the stored ledger keeps x1 in the frontier, and the new
        // address x5 (no checkpoint) gets its whole history
        anvil.sendEth(x1, x5, ETH.divide(BigInteger.TEN));
        anvil.sendEth(a, x6, ETH.divide(BigInteger.TEN));
        ChainLedger stored = ChainLedger.of(merge(run1, run2));
        GatherRequest r3 = request(traceFilter, 0, store, stored, "latest");
        GatherResult run3 = g.gather(r3);
        g.commit(r3, run3);
        assertTrue(run3.transfers().stream().anyMatch(t -> t.from().equals(x1) && t.to().equals(x5)));
        assertTrue(run3.transfers().stream().anyMatch(t -> t.to().equals(x6)));

        // the runs together are what one run over everything gives (the stored ledger de-duplicates overlaps)
        GatherResult all = g.gather(request(traceFilter, 0, null, null, "latest"));
        Set<Transfer> union = new HashSet<>(run1.transfers());
        union.addAll(run2.transfers());
        union.addAll(run3.transfers());
        assertEquals(Set.copyOf(all.transfers()), union);
    }

    static dev.fundtrace.ledger.store.SegmentBuilder merge(GatherResult... runs) {
        var b = new dev.fundtrace.ledger.store.SegmentBuilder(dev.fundtrace.ledger.Chain.ETHEREUM);
        for (GatherResult r : runs) r.transfers().forEach(b::add);
        return b;
    }

    @Test
    void reorgAboveConfirmedDepthDoesNotChangeStoredData() {
        String x1 = fresh(), x2 = fresh(), x3 = fresh();
        anvil.sendEth(a, x1, ETH);
        anvil.mine(5);
        String snapshot = anvil.snapshot();
        long h0 = anvil.blockNumber();
        anvil.sendEth(a, x2, ETH.multiply(BigInteger.TWO)); // will be orphaned
        anvil.mine(1);
        RpcLedgerGatherer g = new RpcLedgerGatherer();
        GatherRequest r1 = request(false, 3, store, null, "latest");
        GatherResult run1 = g.gather(r1);
        g.commit(r1, run1);
        assertEquals(h0 - 1, run1.toBlock()); // the unconfirmed blocks were not read
        assertTrue(run1.transfers().stream().anyMatch(t -> t.to().equals(x1)));
        assertFalse(run1.transfers().stream().anyMatch(t -> t.to().equals(x2)));

        anvil.revert(snapshot); // reorg: the last blocks are replaced
        anvil.call("anvil_impersonateAccount", a);
        anvil.sendEth(a, x3, ETH.multiply(BigInteger.valueOf(3)));
        anvil.mine(3);

        // what run 1 stored is still exactly the confirmed chain
        GatherResult again = g.gather(request(false, 0, null, null, String.valueOf(run1.toBlock())));
        assertEquals(Set.copyOf(again.transfers()), Set.copyOf(run1.transfers()));
        // and the next run adds the new branch only
        GatherRequest r2 = request(false, 3, store, ChainLedger.of(run1.builder()), "latest");
        GatherResult run2 = g.gather(r2);
        assertTrue(run2.transfers().stream().anyMatch(t -> t.to().equals(x3)));
        assertFalse(run2.transfers().stream().anyMatch(t -> t.to().equals(x2)));
        assertTrue(run2.transfers().stream().allMatch(t -> t.blockNumber() > run1.toBlock()));
    }

    static String fresh() {
        return "0x" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "00000000000000000000000000000001";
    }
}
