package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/** EXCHANGE_FUNDING on a UTXO chain: the exchange X's coin funded A, A's coin paid the seed S. */
class CoinExchangeFundingRuleTest {

    private final CoinExchangeFundingRule rule = new CoinExchangeFundingRule();

    @Test
    void firesOnALabelledExchangeAmongTheBackwardFundingSources() {
        var f = new CoinFixture().seeds("S").services("X")
                .coinbase("cx", 1, out("X", 1_000_000))
                .tx("x1", 2, in("cx:0"), out("A", 990_000))
                .tx("a1", 3, in("x1:0"), out("S", 980_000));
        List<Flag> flags = f.flags(rule, labelled("X", "exchange"));
        assertThat(flags).hasSize(1);
        Flag g = flags.get(0);
        assertThat(g.address()).isEqualTo("X");
        assertThat(g.severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(g.hops()).isEqualTo(2);
        assertThat(g.flowIds()).containsExactly("F-" + ShortHash.of("backward|bitcoin|BTC|X"));
        assertThat(g.evidence()).contains(txid("x1"), txid("a1"));
        assertThat(g.explanation()).contains("the exchange Some exchange funded a designated address 2 hop(s) away");
    }

    @Test
    void quietForAnExchangeReachedOnlyForwardOrAnotherCategory() {
        var forward = new CoinFixture().seeds("S").services("X")
                .coinbase("cb", 1, out("S", 1_000_000))
                .tx("t1", 2, in("cb:0"), out("X", 990_000));
        assertThat(forward.flags(rule, labelled("X", "exchange"))).isEmpty();
        var mixer = new CoinFixture().seeds("S").services("X")
                .coinbase("cx", 1, out("X", 1_000_000))
                .tx("x1", 2, in("cx:0"), out("S", 990_000));
        assertThat(mixer.flags(rule, labelled("X", "mixer"))).isEmpty();
        assertThat(mixer.flags(rule, labelled("X", "exchange"))).hasSize(1);
    }
}
