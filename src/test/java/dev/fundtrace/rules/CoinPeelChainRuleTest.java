package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PEEL_CHAIN on a UTXO chain. The planted chain: the seed S's coin of 1 BTC is spent by p1, p2 and p3, each with one
 * input and two outputs: a peel of 0.05 BTC to X1, X2, X3 and the change to a fresh address A, B, C. Each near miss
 * changes one thing of it.
 */
class CoinPeelChainRuleTest {

    private final CoinPeelChainRule rule = new CoinPeelChainRule();

    static CoinFixture funded() {
        return new CoinFixture().seeds("S").coinbase("cb", 1, out("S", 100_000_000));
    }

    static CoinFixture chainOfThree() {
        return steps(funded());
    }

    /** p1, p2 and p3, from block 2 on. */
    private static CoinFixture steps(CoinFixture f) {
        return f
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 84_970_000), out("X3", 5_000_000));
    }

    @Test
    void aChainOfThreeStepsIsOneFlagAtTheFirstChangeWithTheStepsTxidsInOrder() {
        List<Flag> flags = chainOfThree().flags(rule);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.rule()).isEqualTo(Rule.PEEL_CHAIN);
        assertThat(f.severity()).isEqualTo(Rule.Severity.LOW);
        assertThat(f.address()).isEqualTo("A");
        assertThat(f.seed()).isEqualTo("S");
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.flowIds()).containsExactly("F-" + ShortHash.of("forward|bitcoin|BTC|A"));
        assertThat(f.evidence()).containsExactly(txid("p1"), txid("p2"), txid("p3"));
        assertThat(f.explanation()).contains("3 consecutive peel steps").contains("0.15 BTC peeled off")
                .contains("0.8497 BTC went on to C");
    }

    @Test
    void twoStepsAreNotAChain() {
        var f = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 80_000_000), out("X3", 4_970_000), out("X4", 5_000_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void aLongerChainIsOneFlagAndItsSubChainsAreNotFlaggedAgain() {
        var f = chainOfThree().tx("p4", 5, in("p3:0"), out("X4", 4_000_000), out("D", 80_960_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo("A");
        assertThat(flags.get(0).evidence()).containsExactly(txid("p1"), txid("p2"), txid("p3"), txid("p4"));
    }

    @Test
    void theSmallerOutputIsAtMostTenPercentOfTheOutputs() {
        var exactlyTen = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 81_000_000), out("X2", 9_000_000)) // 10 * 9 <= 90
                .tx("p3", 4, in("p2:0"), out("C", 75_990_000), out("X3", 5_000_000));
        assertThat(exactlyTen.flags(rule)).hasSize(1);
        var oneOver = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 80_999_999), out("X2", 9_000_001)) // 10 * 9000001 > 90000000
                .tx("p3", 4, in("p2:0"), out("C", 75_990_000), out("X3", 5_000_000));
        assertThat(oneOver.flags(rule)).isEmpty();
        var eleven = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 80_000_000), out("X2", 9_890_000)) // 11%
                .tx("p3", 4, in("p2:0"), out("C", 74_990_000), out("X3", 5_000_000));
        assertThat(eleven.flags(rule)).isEmpty();
    }

    @Test
    void twoEqualOutputsAreNoStep() {
        var f = funded().tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 0), out("X3", 0)); // 10 * 0 <= 0 + 0, but small == large
        assertThat(f.flags(rule)).isEmpty();
        var halves = funded().tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 44_990_000), out("X2", 44_990_000))
                .tx("p3", 4, in("p2:0"), out("C", 40_000_000), out("X3", 4_000_000));
        assertThat(halves.flags(rule)).isEmpty();
    }

    @Test
    void aChangeAddressWithAnEarlierCoinIsNotFresh() {
        var earlier = steps(new CoinFixture().seeds("S")
                .coinbase("cn", 0, out("B", 1_000))                              // B held a coin before p2
                .coinbase("cb", 1, out("S", 100_000_000)));
        assertThat(earlier.flags(rule)).isEmpty();
        var sameBlockUnlinked = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .coinbase("cn", 3, out("B", 1_000))                              // earlier in p2's block
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 84_970_000), out("X3", 5_000_000));
        assertThat(sameBlockUnlinked.flags(rule)).isEmpty();
        var later = chainOfThree().coinbase("cn", 9, out("B", 1_000));        // after p2: still fresh
        assertThat(later.flags(rule)).hasSize(1);
        var sameTxEarlierVout = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 5_000_000), out("B", 89_980_000)) // B's first coin is the peel
                .tx("p3", 4, in("p2:1"), out("C", 84_970_000), out("X3", 5_000_000));
        assertThat(sameTxEarlierVout.flags(rule)).isEmpty();
    }

    @Test
    void aCoinFromBeforeTheExportDoesNotMakeTheChangeAddressUsed() {
        // B's earlier coin is known only from an input's enrichment: it has no place in the export's order
        var f = chainOfThree().external("old", "B", 7_000).tx("spendOld", 9, in("ext:old"), out("N", 6_000));
        assertThat(f.flags(rule)).hasSize(1);
    }

    @Test
    void anAddresslessOutputIsNoStep() {
        var f = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out(null, 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 84_970_000), out("X3", 5_000_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void aStepWithTwoInputsBreaksTheChain() {
        var f = funded().coinbase("cn", 1, out("N", 1_000))
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1", "cn:0"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 84_970_000), out("X3", 5_000_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void stepsMustSpendThePreviousChange() {
        // p3 spends p2's peel, not its change
        var f = funded()
                .tx("p1", 2, in("cb:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:1"), out("C", 4_400_000), out("X3", 400_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void stepsMustBeTaintedAndWithinTheHorizon() {
        assertThat(chainOfThree().maxHops(2).flags(rule)).isEmpty();
        assertThat(chainOfThree().maxHops(3).flags(rule)).hasSize(1);
        var clean = new CoinFixture().seeds("S").coinbase("cb", 1, out("S", 1_000)).coinbase("cn", 1, out("N", 100_000_000))
                .tx("p1", 2, in("cn:0"), out("X1", 5_000_000), out("A", 94_990_000))
                .tx("p2", 3, in("p1:1"), out("B", 89_980_000), out("X2", 5_000_000))
                .tx("p3", 4, in("p2:0"), out("C", 84_970_000), out("X3", 5_000_000));
        assertThat(clean.flags(rule)).isEmpty();
    }

    @Test
    void aLabelledChangeHolderBreaksTheChain() {
        assertThat(chainOfThree().services("B").flags(rule, labelled("B", "exchange"))).isEmpty();
    }
}
