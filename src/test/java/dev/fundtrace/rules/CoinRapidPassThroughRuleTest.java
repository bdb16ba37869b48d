package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAPID_PASS_THROUGH on a UTXO chain, window 1 hour (6 blocks of 600 s). S pays A a coin of 1,000,000 sat in
 * block 2; A spends it in {@code block}, paying B and keeping change.
 */
class CoinRapidPassThroughRuleTest {

    private final CoinRapidPassThroughRule rule = new CoinRapidPassThroughRule(Duration.ofHours(1));

    static CoinFixture paidA() {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 2_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 1_000_000), out("S", 990_000));
    }

    static CoinFixture aPasses(long block, long toB, long change) {
        return paidA().tx("t2", block, in("t1:0"), out("B", toB), out("A", change));
    }

    @Test
    void firesWhenNinetyPercentOfTheCoinGoesToOthersWithinTheWindow() {
        List<Flag> flags = aPasses(3, 900_000, 90_000).flags(rule);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo("A");
        assertThat(f.severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.evidence()).containsExactly(txid("t1"), txid("t2"));
        assertThat(f.explanation()).isEqualTo("A spent a tainted coin of 0.01 BTC (" + txid("t1") + ":0) PT10M after"
                + " receiving it, paying 0.009 BTC to other addresses (within 1 hour).");
    }

    @Test
    void quietAtEightyNinePercent() {
        assertThat(aPasses(3, 899_999, 90_001).flags(rule)).isEmpty();
        assertThat(aPasses(3, 890_000, 100_000).flags(rule)).isEmpty();
    }

    @Test
    void quietOutsideTheWindowAndFiringAtItsEdge() {
        assertThat(aPasses(2 + 7, 900_000, 90_000).flags(rule)).isEmpty();
        assertThat(aPasses(2 + 6, 900_000, 90_000).flags(rule)).hasSize(1);
    }

    @Test
    void quietWithoutATimeForEitherTransaction() {
        assertThat(aPasses(3, 900_000, 90_000).time(3, -1).flags(rule)).isEmpty();
    }

    @Test
    void quietForALabelledHolder() {
        assertThat(aPasses(3, 900_000, 90_000).services("A").flags(rule, labelled("A", "exchange"))).isEmpty();
    }

    @Test
    void addresslessOutputsAndTheHoldersOwnDoNotCount() {
        var f = paidA().tx("t2", 3, in("t1:0"), out("B", 500_000), out(null, 450_000), out("A", 40_000));
        assertThat(f.flags(rule)).isEmpty();
        var g = paidA().tx("t2", 3, in("t1:0"), out("B", 500_000), out("C", 400_000), out("A", 90_000));
        assertThat(g.flags(rule)).hasSize(1);
    }

    @Test
    void quietOnACleanCoinAndOnTheSeedsOwnCoins() {
        var clean = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 2_000_000))
                .coinbase("cn", 2, out("A", 1_000_000))
                .tx("t1", 2, in("cn:0"), out("B", 990_000));
        assertThat(clean.flags(rule)).isEmpty();
        var seed = paidA().tx("t2", 3, in("t1:1"), out("B", 980_000));
        assertThat(seed.flags(rule)).isEmpty();
    }

    @Test
    void oneFlagPerAddressAtItsFirstQualifyingCoin() {
        var f = paidA()
                .tx("t2", 3, in("t1:0"), out("A", 990_000))     // to itself: no pass-through
                .tx("t3", 4, in("t2:0"), out("B", 980_000))
                .coinbase("cb2", 4, out("S", 1_000_000))
                .tx("t4", 5, in("cb2:0"), out("A", 990_000))
                .tx("t5", 6, in("t4:0"), out("C", 980_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).evidence()).endsWith(txid("t2"), txid("t3"));
        assertThat(flags.get(0).evidence()).doesNotContain(txid("t5"));
    }
}
