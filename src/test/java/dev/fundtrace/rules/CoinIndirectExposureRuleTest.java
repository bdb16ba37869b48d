package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * INDIRECT_EXPOSURE on a UTXO chain, with a minimum of 0.001 BTC (100,000 sat). S pays A (hop 1); A spends that
 * coin to B (hop 2), whose haircut taint is the coin's value when A's coin is wholly tainted.
 */
class CoinIndirectExposureRuleTest {

    private final CoinIndirectExposureRule rule = new CoinIndirectExposureRule(Map.of("BTC", new BigDecimal("0.001")));

    /** B's coin at hop 2 is {@code toB} sat, all tainted: A's coin is the seed's whole coin less nothing. */
    static CoinFixture aPaysB(long toB) {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 10_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 10_000_000))
                .tx("t2", 3, in("t1:0"), out("B", toB), out("C", 10_000_000 - toB));
    }

    @Test
    void firesAtHopTwoAtOrAboveTheMinimum() {
        List<Flag> flags = aPaysB(100_000).flags(rule);
        assertThat(flags).extracting(Flag::address).containsExactly("B", "C");
        Flag b = flags.get(0);
        assertThat(b.severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(b.hops()).isEqualTo(2);
        assertThat(b.evidence()).containsExactly(txid("t1"), txid("t2"));
        assertThat(b.explanation()).isEqualTo("B received about 0.001 BTC of designated funds (haircut) 2 hops away.");
    }

    @Test
    void quietOneSatoshiBelowTheMinimumAtHopOneAndForALabelledAddress() {
        assertThat(aPaysB(99_999).flags(rule)).extracting(Flag::address).containsExactly("C");
        assertThat(aPaysB(100_000).services("B").flags(rule, labelled("B", "exchange")))
                .extracting(Flag::address).containsExactly("C");
    }

    @Test
    void theHaircutAmountCountsNotTheCoinsValue() {
        // A mixes its tainted coin with a clean one of the same value: B's 150,000 sat coin carries 75,000 of taint
        var f = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 150_000))
                .coinbase("cn", 1, out("A", 150_000))
                .tx("t1", 2, in("cb:0"), out("A", 150_000))
                .tx("t2", 3, in("t1:0", "cn:0"), out("B", 150_000), out("C", 150_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void quietWithoutAMinimumForTheChainsSymbol() {
        assertThat(aPaysB(5_000_000).flags(new CoinIndirectExposureRule(Map.of("LTC", new BigDecimal("0.001"))))).isEmpty();
    }
}
