package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.rules.RuleTesting.labelled;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/** MIXER: a forward flow reaches M, a labelled mixer. The planted flow: S pays A, A pays M. */
class MixerRuleTest {

    private final MixerRule rule = new MixerRule();
    private final LabelBook mixer = labelled("M", "mixer");

    static LedgerFixture forwardToM() {
        return new LedgerFixture().seeds("S").services("M").tx(10, 0, "S", "A", 100).tx(11, 0, "A", "M", 100);
    }

    @Test
    void firesOnAForwardFlowReachingALabelledMixer() {
        List<Flag> flags = flags(rule, forwardToM(), mixer);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("M"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.hops()).isEqualTo(2);
        assertThat(f.evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
        assertThat(f.explanation()).contains("the mixer Some mixer received designated funds 2 hop(s) from a designated address");
    }

    @Test
    void quietWhenTheMixerFundedASeed() {
        var backward = new LedgerFixture().seeds("S").services("M").tx(10, 0, "M", "S", 100);
        assertThat(flags(rule, backward, mixer)).isEmpty();
    }

    @Test
    void quietForAnUnlabelledAddressOrAnotherCategory() {
        assertThat(flags(rule, forwardToM(), LabelBook.empty())).isEmpty();
        assertThat(flags(rule, forwardToM(), labelled("M", "exchange"))).isEmpty();
    }

    @Test
    void quietWhenTheFlowStopsBeforeTheMixer() {
        assertThat(flags(rule, forwardToM().maxHops(1), mixer)).isEmpty();
    }
}
