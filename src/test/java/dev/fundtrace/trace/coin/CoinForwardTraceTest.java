package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static dev.fundtrace.trace.coin.TestLedger.ext;
import static dev.fundtrace.trace.coin.TestLedger.in;
import static dev.fundtrace.trace.coin.Tracing.assertConserved;
import static dev.fundtrace.trace.coin.Tracing.big;
import static dev.fundtrace.trace.coin.Tracing.params;
import static dev.fundtrace.trace.coin.Tracing.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utxo.md, "Forward trace": hops, haircut shares to the satoshi, and where the rest of the taint goes. */
class CoinForwardTraceTest {

    @Test
    void workedExampleToTheSatoshi() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("a").out("S", 12_345_678);
        l.block(101).coinbase("b").out("C", 87_654_322);
        l.block(102).tx("t", in("a:0"), in("b:0")).out("X", 70_000_000).out("Y", 29_990_000);
        CoinTrace t = trace(l, "S");

        assertEquals(big(8_641_974), t.coinTaint(l.coin("t:0")));
        assertEquals(big(3_702_468), t.coinTaint(l.coin("t:1")));
        assertEquals(big(1_236), t.toFees());
        assertEquals(BigInteger.ZERO, t.leftHorizon());
        assertEquals(BigInteger.ZERO, t.returnedToSeeds());
        assertEquals(1, t.coinHop(l.coin("t:0")));
        assertEquals(0, t.coinHop(l.coin("a:0")));
        assertEquals(-1, t.coinHop(l.coin("b:0")));
        assertEquals(1, t.txHop(l.tx("t")));
        assertTrue(t.txTainted(l.tx("t")));
        CoinLedger ledger = t.ledger();
        int in0 = ledger.inputStart(l.tx("t"));
        assertTrue(t.passes(in0));
        assertFalse(t.passes(in0 + 1));
        assertEquals(big(8_641_974), t.forwardAmount(l.address("X")));
        assertEquals(1, t.forwardHop(l.address("Y")));
        assertEquals(0, t.forwardHop(l.address("S")), "a seed is never reached");
        assertEquals(0, t.forwardHop(l.address("C")));
        assertEquals(List.of(l.address("X"), l.address("Y")), t.forwardReached().boxed().toList());
        assertConserved(t);
    }

    @Test
    void hopIsOnePlusTheSmallestHopOfThePassingCoins() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000).out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("A", 900);
        l.block(102).tx("b", in("a:0")).out("B", 800);
        l.block(103).tx("c", in("b:0"), in("s:1")).out("C", 1700);
        l.block(104).tx("d", in("c:0")).out("D", 1700);
        l.block(105).tx("e", in("d:0")).out("E", 1000).out("F", 700);
        l.block(106).tx("f", in("e:0"), in("e:1")).out("G", 1700);
        CoinTrace t = trace(l, "S");

        assertEquals(2, t.coinHop(l.coin("b:0")));
        assertEquals(1, t.coinHop(l.coin("c:0")), "a seed coin beside a hop-2 coin makes hop 1");
        assertEquals(big(1700), t.coinTaint(l.coin("c:0")));
        assertEquals(2, t.coinHop(l.coin("d:0")));
        assertEquals(4, t.coinHop(l.coin("f:0")), "two hop-3 coins make hop 4");
        assertEquals(4, t.forwardHop(l.address("G")));
        assertEquals(1, t.forwardHop(l.address("C")));
        assertConserved(t);
    }

    @Test
    void mixedHopsTakeTheSmaller() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000).out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("A", 1000);
        l.block(102).tx("b", in("a:0")).out("B", 1000);
        l.block(103).tx("x", in("s:1")).out("X", 1000);
        l.block(104).tx("m", in("b:0"), in("x:0")).out("M", 2000);
        CoinTrace t = trace(l, "S");
        assertEquals(2, t.txHop(l.tx("m")), "1 + min(2, 1)");
        assertEquals(2, t.coinHop(l.coin("m:0")));
    }

    @Test
    void aServiceKeepsWhatItReceives() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 5000);
        l.block(101).tx("a", in("s:0")).out("EXCH", 5000);
        l.block(102).tx("b", in("a:0")).out("Z", 5000);
        CoinTrace t = trace(l, List.of("S"), List.of("EXCH"), params(4, 0));

        assertEquals(1, t.forwardHop(l.address("EXCH")), "services are reached like any address");
        assertEquals(big(5000), t.forwardAmount(l.address("EXCH")));
        assertTrue(t.isService(l.address("EXCH")));
        assertFalse(t.passes(t.ledger().inputStart(l.tx("b"))));
        assertEquals(-1, t.txHop(l.tx("b")));
        assertEquals(-1, t.coinHop(l.coin("b:0")));
        assertEquals(0, t.forwardHop(l.address("Z")));
        assertConserved(t);
    }

    @Test
    void aLabelledSeedIsASeedNotAService() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 5000);
        l.block(101).tx("a", in("s:0")).out("A", 5000);
        CoinTrace t = trace(l, List.of("S"), List.of("S"), params(4, 0));
        assertTrue(t.isSeed(l.address("S")));
        assertFalse(t.isService(l.address("S")));
        assertEquals(1, t.forwardHop(l.address("A")));
    }

    @Test
    void aDustOutputIsNeitherTaintedNorReportedAndItsShareLeavesTheHorizon() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 10_000);
        l.block(101).tx("a", in("s:0")).out("X", 8000).out("D", 545).out("E", 546);
        CoinTrace t = trace(l, List.of("S"), List.of(), params(4, 546));

        assertEquals(-1, t.coinHop(l.coin("a:1")));
        assertEquals(BigInteger.ZERO, t.coinTaint(l.coin("a:1")));
        assertEquals(0, t.forwardHop(l.address("D")));
        assertEquals(1, t.coinHop(l.coin("a:2")), "546 is not below 546");
        assertEquals(big(545), t.leftHorizon());
        assertEquals(big(8000), t.coinTaint(l.coin("a:0")));
        assertEquals(big(10_000 - 8000 - 545 - 546), t.toFees());
        assertConserved(t);
    }

    @Test
    void beyondMaxHopsAllTaintLeavesTheHorizonAndTheOutputsAreClean() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 10_000);
        l.block(101).tx("a", in("s:0")).out("A", 9000);
        l.block(102).tx("b", in("a:0")).out("B", 8000);
        l.block(103).tx("c", in("b:0")).out("C", 7000);
        CoinTrace t = trace(l, List.of("S"), List.of(), params(2, 0));

        assertEquals(3, t.txHop(l.tx("c")), "h(T) is kept above maxHops");
        assertFalse(t.txTainted(l.tx("c")));
        assertTrue(t.txTainted(l.tx("b")));
        assertEquals(-1, t.coinHop(l.coin("c:0")));
        assertEquals(0, t.forwardHop(l.address("C")));
        assertEquals(big(8000), t.leftHorizon(), "b's whole coin, not c's output");
        assertEquals(big(2000), t.toFees());
        assertConserved(t);
    }

    @Test
    void aPoisonedCoinIsReachedEvenWithAZeroShare() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1);
        l.block(100).coinbase("b").out("BIG", 1_000_000);
        l.block(101).tx("a", in("s:0"), in("b:0")).out("X", 500_000).out("Y", 500_001);
        CoinTrace t = trace(l, "S");
        assertEquals(1, t.coinHop(l.coin("a:0")));
        assertEquals(BigInteger.ZERO, t.coinTaint(l.coin("a:0")));
        assertEquals(1, t.forwardHop(l.address("X")));
        assertEquals(BigInteger.ZERO, t.forwardAmount(l.address("X")));
        assertEquals(big(1), t.toFees());
    }

    @Test
    void aSeedCoinStaysASeedCoinAndItsShareReturnsToTheSeeds() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 10_000);
        l.block(101).tx("a", in("s:0")).out("X", 6000).out("S", 3999);
        l.block(102).tx("b", in("a:1")).out("Y", 3999);
        CoinTrace t = trace(l, "S");

        assertEquals(0, t.coinHop(l.coin("a:1")));
        assertEquals(big(3999), t.coinTaint(l.coin("a:1")), "a seed coin's taint is its whole value");
        assertEquals(big(3999), t.returnedToSeeds());
        assertEquals(big(1), t.toFees());
        assertEquals(1, t.coinHop(l.coin("b:0")), "spending the change is hop 1 again");
        assertEquals(big(3999), t.coinTaint(l.coin("b:0")));
        assertConserved(t);
    }

    @Test
    void aCoinbaseCreatesCleanCoinsUnlessASeedHoldsThem() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("m").out("MINER", 625_000_000).out("S", 1000);
        CoinTrace t = trace(l, "S");
        assertEquals(-1, t.coinHop(l.coin("m:0")));
        assertEquals(0, t.coinHop(l.coin("m:1")));
        assertEquals(big(1000), t.coinTaint(l.coin("m:1")));
        assertEquals(-1, t.txHop(l.tx("m")));
        assertEquals(0, t.forwardHop(l.address("MINER")));
    }

    @Test
    void anUnresolvedInputIsCleanAndDBoundsTheShares() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000).out("S", 1000);
        // known inputs 1000, outputs 2000: D = 2000
        l.block(101).tx("a", in("s:0"), ext("pre", 0, CoinLedger.UNKNOWN, null)).out("X", 1200).out("Y", 800);
        // known inputs 1000, outputs 500: D = 1000
        l.block(101).tx("b", in("s:1"), ext("pre", 1, CoinLedger.UNKNOWN, null)).out("V", 300).out("W", 200);
        CoinTrace t = trace(l, "S");

        assertEquals(big(600), t.coinTaint(l.coin("a:0")));
        assertEquals(big(400), t.coinTaint(l.coin("a:1")));
        assertEquals(big(300), t.coinTaint(l.coin("b:0")));
        assertEquals(big(200), t.coinTaint(l.coin("b:1")));
        assertEquals(big(500), t.toFees());
        CoinLedger ledger = t.ledger();
        assertFalse(t.passes(ledger.inputStart(l.tx("a")) + 1));
        assertConserved(t);
    }

    @Test
    void anEnrichedCoinFromBeforeTheExportHeldByASeedIsASeedCoin() {
        TestLedger l = new TestLedger();
        l.block(100).tx("a", ext("old", 0, CoinLedger.UNKNOWN, "S"), ext("old", 1, 5000, null)).out("X", 4000);
        l.block(100).tx("b", ext("old", 2, 3000, "S"), ext("old", 3, 1000, "Q")).out("Y", 3900);
        CoinTrace t = trace(l, "S");
        CoinLedger ledger = t.ledger();
        int unknownSeedCoin = ledger.inputCoin(ledger.inputStart(l.tx("a")));

        assertEquals(0, t.coinHop(unknownSeedCoin), "a seed coin for reach");
        assertEquals(BigInteger.ZERO, t.coinTaint(unknownSeedCoin), "with taint 0");
        assertEquals(1, t.coinHop(l.coin("a:0")));
        assertEquals(BigInteger.ZERO, t.coinTaint(l.coin("a:0")));
        assertEquals(1, t.forwardHop(l.address("X")));
        // 3000 · 3900 / 4000
        assertEquals(big(2925), t.coinTaint(l.coin("b:0")));
        assertEquals(big(75), t.toFees());
        assertEquals(0, t.forwardHop(l.address("Q")));
        assertConserved(t);
    }

    @Test
    void aChildListedBeforeItsParentGivesTheSameResult() {
        TestLedger parentFirst = new TestLedger(), childFirst = new TestLedger();
        for (TestLedger l : List.of(parentFirst, childFirst)) l.block(100).coinbase("s").out("S", 10_000);
        parentFirst.block(101).tx("parent", in("s:0")).out("P", 6000).out("Q", 3000);
        parentFirst.block(101).tx("child", in("parent:0")).out("C", 5000);
        childFirst.block(101).tx("child", in("parent:0")).out("C", 5000);
        childFirst.block(101).tx("parent", in("s:0")).out("P", 6000).out("Q", 3000);
        CoinTrace a = trace(parentFirst, "S"), b = trace(childFirst, "S");

        for (String coin : List.of("s:0", "parent:0", "parent:1", "child:0")) {
            assertEquals(a.coinHop(parentFirst.coin(coin)), b.coinHop(childFirst.coin(coin)), coin);
            assertEquals(a.coinTaint(parentFirst.coin(coin)), b.coinTaint(childFirst.coin(coin)), coin);
        }
        assertEquals(2, b.coinHop(childFirst.coin("child:0")));
        assertEquals(big(5000), b.coinTaint(childFirst.coin("child:0")));
        assertEquals(a.toFees(), b.toFees());
        assertConserved(b);
    }

    @Test
    void evidenceIsTheSmallestHopThenTheEarliestCoin() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000).out("S", 1000).out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("A", 1000);
        l.block(102).tx("b", in("a:0")).out("X", 400).out("X", 600);   // X at hop 2, first
        l.block(103).tx("c", in("s:1")).out("Y", 10).out("X", 900);    // X at hop 1, vout 1
        l.block(103).tx("d", in("s:2")).out("X", 1000);                // hop 1 too, but later
        CoinTrace t = trace(l, "S");

        int x = l.address("X");
        assertEquals(1, t.forwardHop(x));
        assertEquals(l.coin("c:1"), t.forwardEvidenceCoin(x));
        assertEquals(big(400 + 600 + 900 + 1000), t.forwardAmount(x));
    }

    @Test
    void sameHopSameTransactionTakesTheEarliestVout() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("Y", 10).out("X", 400).out("X", 500);
        CoinTrace t = trace(l, "S");
        assertEquals(l.coin("a:1"), t.forwardEvidenceCoin(l.address("X")));
    }

    @Test
    void addresslessCoinsAreTracedButNotReported() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000);
        l.block(101).tx("a", in("s:0")).out(null, 1000);
        l.block(102).tx("b", in("a:0")).out("X", 1000);
        CoinTrace t = trace(l, "S");
        assertEquals(1, t.coinHop(l.coin("a:0")));
        assertEquals(2, t.forwardHop(l.address("X")));
        assertEquals(1, t.forwardReached().count());
    }

    @Test
    void largeValuesAreSharedExactly() {
        long v = 5_000_000_000_000_000_000L; // TT·v needs 128 bits; D = 10^19 passes 2^63
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", v);
        l.block(100).coinbase("c").out("C", v);
        l.block(101).tx("a", in("s:0"), in("c:0")).out("X", 3_333_333_333_333_333_333L).out("Y", 6_666_666_666_666_666_666L);
        CoinTrace t = trace(l, "S");
        BigInteger d = big(v).add(big(v));
        assertEquals(big(v).multiply(big(3_333_333_333_333_333_333L)).divide(d), t.coinTaint(l.coin("a:0")));
        assertEquals(big(v).multiply(big(6_666_666_666_666_666_666L)).divide(d), t.coinTaint(l.coin("a:1")));
        assertConserved(t);
    }

    @Test
    void aTransactionOverTwoToThe64IsSharedExactlyToo() {
        long v = 7_000_000_000_000_000_000L; // three of them: D = 2.1·10^19 > 2^64
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", v).out("S", v);
        l.block(100).coinbase("c").out("C", v);
        l.block(101).tx("a", in("s:0"), in("c:0"), in("s:1")).out("X", 9_000_000_000_000_000_001L).out("Y", 7L)
                .out("Z", 9_000_000_000_000_000_000L);
        CoinTrace t = trace(l, "S");
        BigInteger tt = big(v).shiftLeft(1), d = big(v).multiply(big(3));
        BigInteger x = tt.multiply(big(9_000_000_000_000_000_001L)).divide(d), y = tt.multiply(big(7)).divide(d),
                z = tt.multiply(big(9_000_000_000_000_000_000L)).divide(d);
        assertEquals(x, t.coinTaint(l.coin("a:0")));
        assertEquals(y, t.coinTaint(l.coin("a:1")));
        assertEquals(z, t.coinTaint(l.coin("a:2")));
        assertEquals(tt.subtract(x).subtract(y).subtract(z), t.toFees());
        assertConserved(t);
    }

    @Test
    void aShieldedInputIsACleanInputOfItsValue() {
        TestLedger l = new TestLedger(dev.fundtrace.ledger.Chain.ZCASH);
        l.block(100).coinbase("s").out("t1Seed", 1000);
        l.block(101).tx("a", in("s:0"), TestLedger.shielded(3000)).out("t1X", 2000).out(null, 1990);
        CoinTrace t = trace(l, "t1Seed");
        assertEquals(big(500), t.coinTaint(l.coin("a:0")));
        assertEquals(big(497), t.coinTaint(l.coin("a:1")), "a shielded output is an addressless coin, traced");
        assertEquals(big(3), t.toFees());
        assertFalse(t.passes(t.ledger().inputStart(l.tx("a")) + 1));
        assertEquals("zcash", t.chain());
    }

    @Test
    void aCoinJoinShapedTransactionIsTracedLikeAnyOther() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("f").out("S", 1000).out("H2", 1000).out("H3", 1000);
        l.block(101).tx("cj", in("f:0"), in("f:1"), in("f:2")).out("M1", 900).out("M2", 900).out("M3", 900)
                .out("c1", 100).out("c2", 200);
        CoinTrace t = trace(l, "S");
        assertTrue(CoinJoinShape.test(t.ledger(), l.tx("cj")));
        assertEquals(big(300), t.coinTaint(l.coin("cj:0")), "the haircut dilutes: 1000 · 900 / 3000");
        assertEquals(big(66), t.coinTaint(l.coin("cj:4")));
        assertTrue(t.txTainted(l.tx("cj")));
        assertConserved(t);
    }

    @Test
    void withoutTheForwardDirectionNothingIsReachedForward() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("X", 1000);
        CoinTrace t = trace(l, List.of("S"), List.of(), new CoinTraceParameters(false, true, 4, 0, false, false));
        assertFalse(t.tracedForward());
        assertEquals(0, t.forwardHop(l.address("X")));
        assertEquals(-1, t.txHop(l.tx("a")));
        assertEquals(BigInteger.ZERO, t.toFees());
    }
}
