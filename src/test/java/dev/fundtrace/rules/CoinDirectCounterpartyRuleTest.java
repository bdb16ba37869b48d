package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/** DIRECT_COUNTERPARTY on a UTXO chain: forward hop 1 or backward hop 1. The seed S spends its coin to A and B. */
class CoinDirectCounterpartyRuleTest {

    private final CoinDirectCounterpartyRule rule = new CoinDirectCounterpartyRule();

    static CoinFixture sPaysAAndB() {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 60_000_000), out("B", 39_990_000));
    }

    @Test
    void firesOnTheHoldersOfTheCoinsASeedsSpendCreated() {
        List<Flag> flags = sPaysAAndB().flags(rule);
        assertThat(flags).extracting(Flag::address).containsExactly("A", "B");
        Flag a = flags.get(0);
        assertThat(a.rule()).isEqualTo(Rule.DIRECT_COUNTERPARTY);
        assertThat(a.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(a.chain()).isEqualTo("bitcoin");
        assertThat(a.asset()).isEqualTo("BTC");
        assertThat(a.seed()).isEqualTo("S");
        assertThat(a.hops()).isEqualTo(1);
        assertThat(a.flowIds()).containsExactly("F-" + ShortHash.of("forward|bitcoin|BTC|A"));
        assertThat(a.id()).isEqualTo("G-" + ShortHash.of("DIRECT_COUNTERPARTY|bitcoin|BTC|A|S"));
        assertThat(a.evidence()).containsExactly(txid("t1"));
        assertThat(a.explanation()).isEqualTo("A received a coin of 0.6 BTC directly from designated address S.");
        assertThat(a.amountRaw()).isEqualTo("60000000");
    }

    /** Every coin between the address and the seed: three payments are one flag of their sum, citing each. */
    @Test
    void everyCoinTheSeedPaidTheAddressIsInTheFlag() {
        var f = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 10_000_000), out("S", 89_990_000))
                .tx("t2", 3, in("t1:1"), out("A", 20_000_000), out("S", 69_980_000))
                .tx("t3", 4, in("t2:1"), out("A", 30_000_000), out("S", 39_970_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).amountRaw()).isEqualTo("60000000");
        assertThat(flags.get(0).evidence()).containsExactly(txid("t1"), txid("t2"), txid("t3"));
        assertThat(flags.get(0).explanation()).contains("received 3 coins totalling 0.6 BTC directly from designated address S");
    }

    @Test
    void firesOnAnAddressWhoseCoinPaidASeed() {
        var f = new CoinFixture().seeds("S")
                .coinbase("cf", 1, out("F", 12_345_678))
                .tx("f1", 2, in("cf:0"), out("S", 12_000_000), out("F", 300_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo("F");
        assertThat(flags.get(0).flowIds()).containsExactly("F-" + ShortHash.of("backward|bitcoin|BTC|F"));
        assertThat(flags.get(0).evidence()).containsExactly(txid("f1"));
        assertThat(flags.get(0).explanation())
                .contains("spent a coin of 0.12345678 BTC in transactions that paid designated address S");
    }

    @Test
    void anAddressPaidByAndPayingASeedIsOneFlagWithBothFlows() {
        var f = sPaysAAndB().tx("t2", 3, in("t1:0"), out("S", 59_990_000));
        List<Flag> flags = f.flags(rule).stream().filter(g -> g.address().equals("A")).toList();
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).flowIds()).hasSize(2);
        assertThat(flags.get(0).explanation()).contains("received").contains("; it also spent");
    }

    @Test
    void quietAtHopTwoOnSeedsAndOnAddresslessCoins() {
        var f = new CoinFixture().seeds("S", "T")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 50_000_000), out("T", 40_000_000), out(null, 9_000_000))
                .tx("t2", 3, in("t1:0"), out("C", 49_990_000))
                .coinbase("cg", 4, out("G", 1_000_000))
                .tx("g1", 5, in("cg:0"), out("F", 990_000))      // G funds F: backward hop 2
                .tx("f1", 6, in("g1:0"), out("S", 980_000));     // F funds S: backward hop 1
        assertThat(f.flags(rule)).extracting(Flag::address).containsExactly("A", "F");
    }

    @Test
    void quietWhenTheLabelledOrUnlabelledCounterpartyIsNotReached() {
        var f = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .coinbase("cn", 2, out("N", 5_000))
                .tx("t1", 3, in("cn:0"), out("M", 4_000));
        assertThat(f.flags(rule)).isEmpty();
    }
}
