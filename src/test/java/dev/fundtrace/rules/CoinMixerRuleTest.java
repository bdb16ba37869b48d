package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.labelled;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/** MIXER on a UTXO chain: a labelled mixer reached forward. S pays A, A pays the mixer M. */
class CoinMixerRuleTest {

    private final CoinMixerRule rule = new CoinMixerRule();

    static CoinFixture forwardToM() {
        return new CoinFixture().seeds("S").services("M")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 99_990_000))
                .tx("t2", 3, in("t1:0"), out("M", 99_980_000));
    }

    @Test
    void firesWhenAForwardTraceReachesALabelledMixer() {
        List<Flag> flags = forwardToM().flags(rule, labelled("M", "mixer"));
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo("M");
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.hops()).isEqualTo(2);
        assertThat(f.evidence()).containsExactly(txid("t1"), txid("t2"));
        assertThat(f.explanation()).isEqualTo("M the mixer Some mixer received designated funds 2 hop(s) from a designated address.");
    }

    @Test
    void quietForAnotherCategoryAnUnlabelledAddressOrAMixerThatFundedASeed() {
        assertThat(forwardToM().flags(rule, labelled("M", "exchange"))).isEmpty();
        assertThat(forwardToM().flags(rule)).isEmpty();
        var funding = new CoinFixture().seeds("S").services("M")
                .coinbase("cm", 1, out("M", 1_000_000))
                .tx("m1", 2, in("cm:0"), out("S", 990_000));
        assertThat(funding.flags(rule, labelled("M", "mixer"))).isEmpty();
    }
}
