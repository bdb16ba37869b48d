package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * STRUCTURING on a UTXO chain: 3 transfers just under 0.1 BTC (from 9,000,000 up to 9,999,999 sat) within a day
 * (144 blocks of 600 s). Each output an address pays to another holder is one transfer. The planted pattern: S pays
 * A 1 BTC in block 2; A pays X1, X2, X3 9,500,000 sat each in blocks 3, 4 and 5, keeping the change.
 */
class CoinStructuringRuleTest {

    private final CoinStructuringRule rule = new CoinStructuringRule(Map.of("BTC", new BigDecimal("0.1")), Duration.ofDays(1), 3);

    static CoinFixture paidA() {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 99_990_000));
    }

    static CoinFixture threeSends(long first, long second, long third) {
        return paidA()
                .tx("s1", 3, in("t1:0"), out("X1", first), out("A", 80_000_000))
                .tx("s2", 4, in("s1:1"), out("X2", second), out("A", 70_000_000))
                .tx("s3", 5, in("s2:1"), out("X3", third), out("A", 60_000_000));
    }

    @Test
    void firesOnThreeTransfersJustUnderTheThresholdWithinTheWindow() {
        List<Flag> flags = threeSends(9_500_000, 9_500_000, 9_500_000).flags(rule);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo("A");
        assertThat(f.severity()).isEqualTo(Rule.Severity.LOW);
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.evidence()).containsExactly(txid("t1"), txid("s1"), txid("s2"), txid("s3"));
        assertThat(f.explanation()).contains("this address sent 3 transfers (outputs to other addresses) just under"
                + " the reporting threshold of 0.1 BTC within 1 day, in 3 transaction(s)");
    }

    @Test
    void threeOutputsOfOneTransactionAreThreeTransfers() {
        var f = paidA().tx("s1", 3, in("t1:0"), out("X1", 9_000_000), out("X2", 9_999_999), out("X3", 9_000_000),
                out("A", 70_000_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).evidence()).containsExactly(txid("t1"), txid("s1"));
        assertThat(flags.get(0).explanation()).contains("in 1 transaction(s)");
    }

    @Test
    void aSeedItselfIsFlaggedWithoutAFlow() {
        var f = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("s1", 2, in("cb:0"), out("X1", 9_900_000), out("X2", 9_900_000), out("X3", 9_900_000), out("S", 70_000_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        Flag g = flags.get(0);
        assertThat(g.address()).isEqualTo("S");
        assertThat(g.seed()).isEqualTo("S");
        assertThat(g.hops()).isZero();
        assertThat(g.flowIds()).isEmpty();
        assertThat(g.evidence()).containsExactly(txid("s1"));
        assertThat(g.explanation()).contains("the designated address sent 3 transfers");
    }

    @Test
    void quietAtTwoTransfers() {
        var f = paidA().tx("s1", 3, in("t1:0"), out("X1", 9_500_000), out("X2", 9_500_000), out("A", 80_000_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void theBandIsFromNinetyPercentUpToButNotIncludingTheThreshold() {
        assertThat(threeSends(9_500_000, 9_500_000, 10_000_000).flags(rule)).isEmpty();
        assertThat(threeSends(9_500_000, 9_500_000, 8_999_999).flags(rule)).isEmpty();
        assertThat(threeSends(9_000_000, 9_999_999, 9_000_000).flags(rule)).hasSize(1);
    }

    @Test
    void outputsToTheHolderItselfAndAddresslessOutputsAreNoTransfers() {
        var self = paidA().tx("s1", 3, in("t1:0"), out("X1", 9_500_000), out("X2", 9_500_000), out("A", 9_500_000),
                out("A", 70_000_000));
        assertThat(self.flags(rule)).isEmpty();
        var addressless = paidA().tx("s1", 3, in("t1:0"), out("X1", 9_500_000), out("X2", 9_500_000), out(null, 9_500_000),
                out("A", 70_000_000));
        assertThat(addressless.flags(rule)).isEmpty();
    }

    @Test
    void quietWhenTheTransfersSpreadBeyondTheWindow() {
        var spread = paidA()
                .tx("s1", 3, in("t1:0"), out("X1", 9_500_000), out("A", 80_000_000))
                .tx("s2", 4, in("s1:1"), out("X2", 9_500_000), out("A", 70_000_000))
                .tx("s3", 3 + 145, in("s2:1"), out("X3", 9_500_000), out("A", 60_000_000));
        assertThat(spread.flags(rule)).isEmpty();
        var justWithin = paidA()
                .tx("s1", 3, in("t1:0"), out("X1", 9_500_000), out("A", 80_000_000))
                .tx("s2", 4, in("s1:1"), out("X2", 9_500_000), out("A", 70_000_000))
                .tx("s3", 3 + 144, in("s2:1"), out("X3", 9_500_000), out("A", 60_000_000));
        assertThat(justWithin.flags(rule)).hasSize(1);
    }

    @Test
    void quietForALabelledAnUntaintedAddressAndAChainWithoutAThreshold() {
        assertThat(threeSends(9_500_000, 9_500_000, 9_500_000).services("A").flags(rule, labelled("A", "exchange"))).isEmpty();
        var untainted = new CoinFixture().seeds("S").coinbase("cb", 1, out("S", 1_000))
                .coinbase("cn", 1, out("N", 100_000_000))
                .tx("s1", 2, in("cn:0"), out("X1", 9_500_000), out("X2", 9_500_000), out("X3", 9_500_000), out("N", 70_000_000));
        assertThat(untainted.flags(rule)).isEmpty();
        var ltcOnly = new CoinStructuringRule(Map.of("LTC", new BigDecimal("0.1")), Duration.ofDays(1), 3);
        assertThat(threeSends(9_500_000, 9_500_000, 9_500_000).flags(ltcOnly)).isEmpty();
    }
}
