package dev.fundtrace.trace.coin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.trace.coin.TestLedger.in;
import static dev.fundtrace.trace.coin.TestLedger.txid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utxo.md, "Address clustering": multi-input links, CoinJoin-shaped exclusions, the report and extendSeeds. */
class ClusterTest {

    /**
     * S co-spends with 1Hb; 1Hb with bc1h; 3Hc and bc1h each spend twice alone or with an addressless coin; J1/J2
     * form a cluster without a seed; a CoinJoin-shaped transaction joins S, K1 and K2 without linking them, another
     * one J1, P1 and P2, and a third one P3, P4 and P5.
     */
    private static TestLedger clusterLedger() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("f").out("S", 1000).out("1Hb", 1000).out("1Hb", 1000).out("bc1h", 1000)
                .out("3Hc", 1000).out("3Hc", 1000).out(null, 1000).out("J1", 1000).out("J2", 1000)
                .out("S", 1000).out("K1", 1000).out("K2", 1000).out("S2", 1000).out("bc1h", 1000)
                .out("P1", 1000).out("P2", 1000).out("P3", 1000).out("P4", 1000).out("P5", 1000);
        l.block(101).tx("t3", in("f:0"), in("f:1")).out("X", 2000);            // S + 1Hb
        l.block(101).tx("t1", in("f:2"), in("f:3")).out("X", 2000);            // 1Hb + bc1h
        l.block(101).tx("same", in("f:4"), in("f:5")).out("X", 2000);          // 3Hc twice: nothing to link
        l.block(101).tx("anon", in("f:13"), in("f:6")).out("X", 2000);         // bc1h + addressless
        l.block(101).tx("j", in("f:7"), in("f:8")).out("J1", 2000);            // J1 + J2
        l.block(101).tx("cj", in("f:9"), in("f:10"), in("f:11")).out("M1", 900).out("M2", 900).out("M3", 900)
                .out("c1", 7).out("c2", 8);
        l.block(102).tx("cjJ", in("j:0"), in("f:14"), in("f:15")).out("N1", 5).out("N2", 5).out("N3", 9);
        l.block(102).tx("cjP", in("f:16"), in("f:17"), in("f:18")).out("N1", 5).out("N2", 5).out("N3", 9);
        return l;
    }

    private static CoinTrace traceClusters(TestLedger l, List<String> seeds, boolean extend) {
        return Tracing.trace(l, seeds, List.of(), new CoinTraceParameters(true, true, 4, 0, true, extend));
    }

    @Test
    void theSeedsClusterWithItsEvidenceAndExcludedCoinJoins() {
        TestLedger l = clusterLedger();
        assertTrue(CoinJoinShape.test(l.build(), l.tx("cj")));
        List<Cluster> clusters = traceClusters(l, List.of("S"), false).clusters();

        assertEquals(1, clusters.size(), "J1/J2 hold no seed; K1, K2 stay out");
        Cluster c = clusters.get(0);
        assertEquals("bitcoin", c.chain());
        assertEquals(List.of("S"), c.seeds());
        assertEquals(List.of("1Hb", "S", "bc1h"), c.addresses(), "byte order: digits, upper case, lower case");
        assertEquals(3, c.size());
        assertEquals(List.of(txid("t1"), txid("t3")).stream().sorted().toList(), c.evidence());
        assertEquals(List.of(txid("cj")), c.excludedCoinJoins());
        assertEquals("multi-input; CoinJoin-shaped transactions excluded", c.heuristic());
    }

    @Test
    void singletonSeedsAndSeedsOutsideTheLedgerAreTheirOwnClusters() {
        TestLedger l = clusterLedger();
        List<Cluster> clusters = traceClusters(l, List.of("S2", "S9"), false).clusters();
        assertEquals(List.of(List.of("S2"), List.of("S9")), clusters.stream().map(Cluster::addresses).toList());
        assertEquals(List.of(1, 1), clusters.stream().map(Cluster::size).toList());
        assertTrue(clusters.get(0).evidence().isEmpty());
        assertTrue(clusters.get(0).excludedCoinJoins().isEmpty());
    }

    @Test
    void twoSeedsOfOneClusterShareOneEntry() {
        TestLedger l = clusterLedger();
        List<Cluster> clusters = traceClusters(l, List.of("bc1h", "S"), false).clusters();
        assertEquals(1, clusters.size());
        assertEquals(List.of("S", "bc1h"), clusters.get(0).seeds());
    }

    @Test
    void aCoinJoinIsListedOnlyForTheClustersWhoseCoinsItSpent() {
        TestLedger l = clusterLedger();
        assertTrue(CoinJoinShape.test(l.build(), l.tx("cjJ")));
        assertTrue(CoinJoinShape.test(l.build(), l.tx("cjP")));
        List<Cluster> clusters = traceClusters(l, List.of("J1", "S"), false).clusters();
        Cluster j = clusters.get(0), s = clusters.get(1);
        assertEquals(List.of("J1", "J2"), j.addresses(), "P1 and P2 are not linked to J1");
        assertEquals(List.of(txid("j")), j.evidence());
        assertEquals(List.of(txid("cjJ")), j.excludedCoinJoins());
        assertEquals(List.of(txid("cj")), s.excludedCoinJoins());
    }

    @Test
    void extendSeedsTracesTheWholeClusterAsSeeds() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("f").out("S", 1000).out("H", 1000).out("H", 5000);
        l.block(101).tx("link", in("f:0"), in("f:1")).out("Z", 2000);
        l.block(102).tx("spend", in("f:2")).out("Y", 5000);
        CoinTrace plain = traceClusters(l, List.of("S"), false);
        CoinTrace extended = traceClusters(l, List.of("S"), true);

        assertFalse(plain.isSeed(l.address("H")));
        assertEquals(0, plain.forwardHop(l.address("Y")));
        assertTrue(extended.isSeed(l.address("H")));
        assertEquals(1, extended.forwardHop(l.address("Y")));
        assertEquals(Tracing.big(5000), extended.forwardAmount(l.address("Y")));
        assertEquals(List.of("S"), extended.clusters().get(0).seeds(), "the designated seeds only");
        assertEquals(List.of("H", "S"), extended.clusters().get(0).addresses());
    }

    @Test
    void noClustersUnlessClusteringIsEnabled() {
        TestLedger l = clusterLedger();
        assertTrue(Tracing.trace(l, List.of("S"), List.of(), Tracing.params(4, 0)).clusters().isEmpty());
    }
}
