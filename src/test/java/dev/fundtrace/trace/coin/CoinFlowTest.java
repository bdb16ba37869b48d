package dev.fundtrace.trace.coin;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static dev.fundtrace.trace.coin.TestLedger.ext;
import static dev.fundtrace.trace.coin.TestLedger.in;
import static dev.fundtrace.trace.coin.Tracing.big;
import static dev.fundtrace.trace.coin.Tracing.params;
import static dev.fundtrace.trace.coin.Tracing.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** utxo.md, "Flow path" and "What report.json gains": flows and exposures of the coin trace. */
class CoinFlowTest {

    private static TestLedger hopLedger() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000).out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("A", 900);
        l.block(102).tx("b", in("a:0")).out("B", 800);
        l.block(103).tx("c", in("b:0"), in("s:1")).out("C", 1700);
        l.block(104).tx("d", in("c:0")).out("D", 1700);
        l.block(105).tx("e", in("d:0")).out("E", 1000).out("F", 700);
        l.block(106).tx("f", in("e:0"), in("e:1")).out("G", 1700);
        return l;
    }

    @Test
    void theForwardPathTakesTheSmallestHopInputBackToASeedCoin() {
        TestLedger l = hopLedger();
        CoinTrace t = trace(l, "S");
        LabelBook labels = new LabelBook(List.of(new Label("G", "bitcoin", "G Exchange", "exchange", "test")));
        Flow f = t.flow("flow-1", Direction.FORWARD, l.address("G"), labels);

        assertEquals("flow-1", f.id());
        assertEquals("bitcoin", f.chain());
        assertEquals("BTC", f.asset());
        assertEquals("BTC", f.assetSymbol());
        assertEquals(8, f.decimals());
        assertEquals("S", f.seed());
        assertEquals("G", f.endpoint());
        assertEquals("G Exchange", f.endpointLabel());
        assertEquals("exchange", f.endpointCategory());
        assertEquals(4, f.hops());
        assertEquals(big(1700), f.taintedAmountRaw());
        assertEquals(List.of(l.outpoint("s:1"), l.outpoint("c:0"), l.outpoint("d:0"), l.outpoint("e:0")),
                f.path().stream().map(FlowStep::spent).toList(), "s:1 (hop 0) over b:0; e:0 over e:1 (same hop)");
        FlowStep first = f.path().get(0);
        assertEquals(TestLedger.txid("c"), first.txHash());
        assertEquals(103, first.blockNumber());
        assertEquals(0, first.position());
        assertEquals(0, first.subPosition());
        assertEquals("S", first.from());
        assertEquals("C", first.to());
        assertEquals(l.outpoint("c:0"), first.outpoint());
        assertEquals(big(1700), first.amountRaw());
        assertEquals(big(1700), first.taintCarriedRaw());
        assertEquals(Instant.ofEpochSecond(1_600_000_000L + 103 * 600), first.time());
        assertEquals(l.outpoint("f:0"), f.path().get(3).outpoint());
    }

    @Test
    void coinsFromBeforeTheExportComeFirstThenByInputIndex() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S1", 1000);
        l.block(101).tx("a", in("s:0"), ext("old", 5, 1000, "S2"), ext("old", 1, 1000, "S3")).out("X", 3000);
        CoinTrace t = trace(l, List.of("S1", "S2", "S3"), List.of(), params(4, 0));
        Flow f = t.flow("f", Direction.FORWARD, l.address("X"), LabelBook.empty());
        assertEquals("S2", f.seed());
        assertEquals(TestLedger.txid("old") + ":5", f.path().get(0).spent());
    }

    @Test
    void aFlowNeedsAReachedAddress() {
        TestLedger l = hopLedger();
        CoinTrace t = trace(l, "S");
        assertThrows(IllegalArgumentException.class,
                () -> t.flow("f", Direction.BACKWARD, l.address("G"), LabelBook.empty()));
    }

    @Test
    void exposuresAreForwardThenBackwardInByteOrderWithCoinEvidence() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("z").out("z9", 4000).out("Ab", 1000);
        l.block(101).tx("pay", in("z:0"), in("z:1")).out("S", 5000);
        l.block(102).tx("a", in("pay:0")).out("b", 3000).out("B", 1999);
        l.block(103).tx("c", in("a:1")).out("EXCH", 1999);
        CoinTrace t = trace(l, List.of("S"), List.of("EXCH"), params(4, 0));
        LabelBook labels = new LabelBook(List.of(new Label("EXCH", "bitcoin", "Some Exchange", "exchange", "test")));
        List<Exposure> exposures = t.exposures(labels);

        assertEquals(List.of("B", "EXCH", "b", "Ab", "z9"), exposures.stream().map(Exposure::address).toList());
        assertEquals(List.of(Direction.FORWARD, Direction.FORWARD, Direction.FORWARD, Direction.BACKWARD,
                Direction.BACKWARD), exposures.stream().map(Exposure::direction).toList());
        Exposure exch = exposures.get(1);
        assertEquals("bitcoin", exch.chain());
        assertEquals("BTC", exch.asset());
        assertEquals(2, exch.hops());
        assertEquals(big(1999), exch.taintedAmountRaw());
        assertEquals("S", exch.seed());
        assertEquals("Some Exchange", exch.label());
        assertEquals("exchange", exch.category());
        assertEquals(List.of(l.outpoint("c:0")), exch.evidence());
        Exposure funder = exposures.get(4);
        assertEquals(big(4000), funder.taintedAmountRaw());
        assertEquals("S", funder.seed());
        assertEquals(List.of(l.outpoint("z:0")), funder.evidence());
        assertEquals(5, t.exposureCount());
        assertEquals(5, t.reachedAddresses());
        assertEquals(BigInteger.ONE, t.toFees());
    }

    @Test
    void reachedInBothDirectionsCountsOnce() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("s").out("S", 1000);
        l.block(101).tx("a", in("s:0")).out("R", 1000);
        l.block(102).tx("b", in("a:0")).out("S", 1000);
        CoinTrace t = trace(l, "S");
        assertEquals(1, t.forwardHop(l.address("R")));
        assertEquals(1, t.backwardHop(l.address("R")));
        assertEquals(2, t.exposureCount());
        assertEquals(1, t.reachedAddresses());
        assertEquals(big(1000), t.returnedToSeeds());
    }
}
