package dev.fundtrace.trace.coin;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.trace.coin.TestLedger.ext;
import static dev.fundtrace.trace.coin.TestLedger.in;
import static dev.fundtrace.trace.coin.Tracing.big;
import static dev.fundtrace.trace.coin.Tracing.params;
import static dev.fundtrace.trace.coin.Tracing.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** utxo.md, "Backward trace": which coins paid the seeds, their hops, the funding sources and their evidence. */
class CoinBackwardTraceTest {

    /**
     * S is paid by {@code pay} from a coinbase's coin (F1), A, a service (EXCH), an addressless coin, a coin from
     * before the export (P) and S's own coin. Behind A: B and a service's coin (EXCH2) from {@code tb}; behind B's
     * transaction: C and A's second coin; behind C's transaction (hop 4 > maxHops 3): D.
     */
    private static TestLedger fundingLedger() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("cb").out("F1", 5000);
        l.block(100).coinbase("c0").out("K", 3000).out("D", 3000).out("N", 1000).out("A", 500);
        l.block(100).coinbase("s0").out("S", 1000);
        l.block(101).tx("td", in("c0:1")).out("C", 2990);
        l.block(102).tx("tb", in("td:0"), in("c0:3")).out("EXCH2", 100).out("B", 3300);
        l.block(102).tx("te", in("c0:0")).out("EXCH", 2900);
        l.block(102).tx("tn", in("c0:2")).out(null, 990);
        l.block(103).tx("ta", in("tb:0"), in("tb:1")).out("A", 3300);
        l.block(104).tx("pay", in("cb:0"), in("ta:0"), in("te:0"), in("s0:0"), in("tn:0"), ext("old", 0, 700, "P"))
                .out("S", 10_000).out("X", 2000);
        return l;
    }

    private static CoinTrace traceFunding(TestLedger l) {
        return trace(l, List.of("S"), List.of("EXCH", "EXCH2"), params(3, 0));
    }

    @Test
    void hopsFollowTheInputsThatPaidTheSeeds() {
        TestLedger l = fundingLedger();
        CoinTrace t = traceFunding(l);

        assertEquals(1, t.backwardCoinHop(l.coin("cb:0")));
        assertEquals(1, t.backwardCoinHop(l.coin("ta:0")));
        assertEquals(1, t.backwardCoinHop(l.coin("te:0")));
        assertEquals(1, t.backwardCoinHop(l.coin("tn:0")), "addressless coins are followed");
        assertEquals(-1, t.backwardCoinHop(l.coin("s0:0")), "a seed's own coin is not a funding coin");
        assertEquals(2, t.backwardCoinHop(l.coin("tb:0")));
        assertEquals(2, t.backwardCoinHop(l.coin("tb:1")));
        assertEquals(2, t.backwardCoinHop(l.coin("c0:2")));
        assertEquals(-1, t.backwardCoinHop(l.coin("c0:0")), "a service is not followed");
        assertEquals(3, t.backwardCoinHop(l.coin("td:0")));
        assertEquals(3, t.backwardCoinHop(l.coin("c0:3")));
        assertEquals(-1, t.backwardCoinHop(l.coin("c0:1")), "hop 3 is maxHops: not followed");
        assertEquals(-1, t.backwardCoinHop(l.coin("pay:1")));
    }

    @Test
    void fundingSourcesWithTheirHopsAndKnownValues() {
        TestLedger l = fundingLedger();
        CoinTrace t = traceFunding(l);

        assertEquals(1, t.backwardHop(l.address("F1")));
        assertEquals(big(5000), t.backwardAmount(l.address("F1")));
        assertEquals(1, t.backwardHop(l.address("A")));
        assertEquals(big(3300 + 500), t.backwardAmount(l.address("A")), "each coin once, all hops");
        assertEquals(1, t.backwardHop(l.address("EXCH")), "services are reported");
        assertEquals(1, t.backwardHop(l.address("P")));
        assertEquals(big(700), t.backwardAmount(l.address("P")));
        assertEquals(2, t.backwardHop(l.address("B")));
        assertEquals(2, t.backwardHop(l.address("EXCH2")));
        assertEquals(2, t.backwardHop(l.address("N")), "behind an addressless coin");
        assertEquals(3, t.backwardHop(l.address("C")));
        for (String never : List.of("K", "D", "X", "S")) assertEquals(0, t.backwardHop(l.address(never)), never);
        CoinLedger ledger = t.ledger();
        assertEquals(List.of("F1", "A", "EXCH2", "B", "EXCH", "N", "C", "P").stream().map(l::address).sorted().toList(),
                t.backwardReached().boxed().toList());
        assertEquals(l.coin("ta:0"), t.backwardEvidenceCoin(l.address("A")));
        assertEquals(ledger.inputCoin(ledger.inputStart(l.tx("pay")) + 5), t.backwardEvidenceCoin(l.address("P")));
    }

    @Test
    void evidenceIsTheSmallestHopThenTheCoinSpentEarliest() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("q1").out("Q", 100);
        l.block(101).coinbase("q2").out("Q", 200);
        l.block(102).tx("pay", in("q2:0"), in("q1:0")).out("S", 300);
        CoinTrace t = trace(l, "S");
        assertEquals(l.coin("q2:0"), t.backwardEvidenceCoin(l.address("Q")), "spent at input 0, though created later");
        assertEquals(big(300), t.backwardAmount(l.address("Q")));
    }

    @Test
    void aCoinbaseStopsTheTraceBack() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("m").out("MINER", 5000);
        l.block(101).tx("a", in("m:0")).out("A", 5000);
        l.block(102).tx("pay", in("a:0")).out("S", 5000);
        CoinTrace t = trace(l, "S");
        assertEquals(1, t.backwardHop(l.address("A")));
        assertEquals(2, t.backwardHop(l.address("MINER")));
        assertEquals(2, t.backwardReached().count(), "nothing behind the coinbase");
    }

    @Test
    void theBackwardFlowWalksFromTheEvidenceCoinToASeedPastServices() {
        TestLedger l = fundingLedger();
        CoinTrace t = traceFunding(l);
        Flow f = t.flow("f1", Direction.BACKWARD, l.address("C"), LabelBook.empty());

        assertEquals("S", f.seed());
        assertEquals("C", f.endpoint());
        assertEquals(3, f.hops());
        assertEquals(big(2990), f.taintedAmountRaw());
        assertEquals(List.of(l.outpoint("td:0"), l.outpoint("tb:1"), l.outpoint("ta:0")),
                f.path().stream().map(FlowStep::spent).toList());
        assertEquals(List.of(l.outpoint("tb:1"), l.outpoint("ta:0"), l.outpoint("pay:0")),
                f.path().stream().map(FlowStep::outpoint).toList(), "B's coin, not the service's at the same hop");
        assertEquals(List.of("C", "B", "A"), f.path().stream().map(FlowStep::from).toList());
        assertEquals(List.of("B", "A", "S"), f.path().stream().map(FlowStep::to).toList());
        assertEquals(big(10_000), f.path().get(2).amountRaw());
        f.path().forEach(s -> assertNull(s.taintCarriedRaw()));
    }

    @Test
    void withoutTheBackwardDirectionThereAreNoFundingSources() {
        TestLedger l = fundingLedger();
        CoinTrace t = trace(l, List.of("S"), List.of(), new CoinTraceParameters(true, false, 3, 0, false, false));
        assertEquals(0, t.backwardReached().count());
        assertEquals(-1, t.backwardCoinHop(l.coin("ta:0")));
    }
}
