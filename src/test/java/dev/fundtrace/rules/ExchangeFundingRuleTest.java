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

/** EXCHANGE_FUNDING: the backward trace finds X, a labelled exchange, among the seed's funding sources. */
class ExchangeFundingRuleTest {

    private final ExchangeFundingRule rule = new ExchangeFundingRule();
    private final LabelBook exchange = labelled("X", "exchange");

    @Test
    void firesOnAnExchangeThatFundedASeed() {
        var f = new LedgerFixture().seeds("S").services("X").tx(10, 0, "X", "S", 100);
        List<Flag> flags = flags(rule, f, exchange);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo(addr("X"));
        assertThat(flags.get(0).severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(flags.get(0).explanation()).contains("the exchange Some exchange funded a designated address 1 hop(s) away");
    }

    @Test
    void firesOnAnExchangeTwoHopsBack() {
        var f = new LedgerFixture().seeds("S").services("X").tx(10, 0, "X", "A", 100).tx(11, 0, "A", "S", 100);
        List<Flag> flags = flags(rule, f, exchange);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).hops()).isEqualTo(2);
        assertThat(flags.get(0).evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
    }

    @Test
    void quietForAnExchangeTheSeedPaid() {
        var forward = new LedgerFixture().seeds("S").services("X").tx(10, 0, "S", "X", 100);
        assertThat(flags(rule, forward, exchange)).isEmpty();
    }

    @Test
    void quietForAnUnlabelledFunderOrAnotherCategory() {
        var f = new LedgerFixture().seeds("S").services("X").tx(10, 0, "X", "S", 100);
        assertThat(flags(rule, f, LabelBook.empty())).isEmpty();
        assertThat(flags(rule, f, labelled("X", "mixer"))).isEmpty();
    }

    @Test
    void quietWhenTheFundingCameAfterTheMoneyLeft() {
        // X pays A after A paid S: not a chain toward the seed
        var f = new LedgerFixture().seeds("S").services("X").tx(10, 0, "A", "S", 100).tx(11, 0, "X", "A", 100);
        assertThat(flags(rule, f, exchange)).isEmpty();
    }
}
