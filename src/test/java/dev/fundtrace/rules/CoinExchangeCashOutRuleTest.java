package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/** EXCHANGE_CASH_OUT on a UTXO chain: S pays D, D pays the exchange X; D is the likely deposit address. */
class CoinExchangeCashOutRuleTest {

    private final CoinExchangeCashOutRule rule = new CoinExchangeCashOutRule();

    static CoinFixture throughD() {
        return new CoinFixture().seeds("S").services("X")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("D", 99_990_000))
                .tx("t2", 3, in("t1:0"), out("X", 99_980_000));
    }

    @Test
    void firesAtTheExchangeAndNamesTheLastStepsFromAsTheDepositAddress() {
        List<Flag> flags = throughD().flags(rule, labelled("X", "exchange"));
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo("X");
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.depositAddress()).isEqualTo("D");
        assertThat(f.hops()).isEqualTo(2);
        assertThat(f.evidence()).containsExactly(txid("t1"), txid("t2"));
        assertThat(f.explanation()).contains("reached the exchange Some exchange in 2 hop(s); likely deposit address D");
    }

    @Test
    void atHopOneTheLastStepsFromIsTheSeed() {
        var f = new CoinFixture().seeds("S").services("X")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("X", 99_990_000));
        Flag g = f.flags(rule, labelled("X", "exchange")).get(0);
        assertThat(g.depositAddress()).isEqualTo("S");
        assertThat(g.explanation()).contains("paid directly by the designated address S");
    }

    @Test
    void anAddresslessCoinBeforeTheExchangeNamesNoDepositAddress() {
        var f = new CoinFixture().seeds("S").services("X")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out(null, 99_990_000))
                .tx("t2", 3, in("t1:0"), out("X", 99_980_000));
        Flag g = f.flags(rule, labelled("X", "exchange")).get(0);
        assertThat(g.depositAddress()).isNull();
    }

    @Test
    void quietForAnExchangeThatOnlyFundedASeedAndForOtherCategories() {
        var funding = new CoinFixture().seeds("S").services("X")
                .coinbase("cx", 1, out("X", 1_000_000))
                .tx("x1", 2, in("cx:0"), out("S", 990_000));
        assertThat(funding.flags(rule, labelled("X", "exchange"))).isEmpty();
        assertThat(throughD().flags(rule, labelled("X", "mixer"))).isEmpty();
    }
}
