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

/** EXCHANGE_CASH_OUT: a forward flow reaches X, a labelled exchange, here through the deposit address D. */
class ExchangeCashOutRuleTest {

    private final ExchangeCashOutRule rule = new ExchangeCashOutRule();
    private final LabelBook exchange = labelled("X", "exchange");

    static LedgerFixture throughD() {
        return new LedgerFixture().seeds("S").services("X").tx(10, 0, "S", "D", 100).tx(11, 0, "D", "X", 100);
    }

    @Test
    void firesAtTheExchangeAndNamesTheLastAddressBeforeItAsTheDepositAddress() {
        List<Flag> flags = flags(rule, throughD(), exchange);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("X"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.hops()).isEqualTo(2);
        assertThat(f.depositAddress()).isEqualTo(addr("D"));
        assertThat(f.evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
        assertThat(f.explanation()).contains("reached the exchange Some exchange in 2 hop(s); likely deposit address " + addr("D"));
    }

    @Test
    void aSeedPayingTheExchangeDirectlyHasNoDepositAddress() {
        var f = new LedgerFixture().seeds("S").services("X").tx(10, 0, "S", "X", 100);
        List<Flag> flags = flags(rule, f, exchange);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).depositAddress()).isNull();
        assertThat(flags.get(0).explanation()).contains("paid directly by the designated address");
    }

    @Test
    void quietWhenTheExchangeFundedASeed() {
        var backward = new LedgerFixture().seeds("S").services("X").tx(10, 0, "X", "S", 100);
        assertThat(flags(rule, backward, exchange)).isEmpty();
    }

    @Test
    void quietForAnUnlabelledAddressOrAnotherCategory() {
        assertThat(flags(rule, throughD(), LabelBook.empty())).isEmpty();
        assertThat(flags(rule, throughD(), labelled("X", "mixer"))).isEmpty();
    }
}
