package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/** SANCTIONED_COUNTERPARTY: a traced flow reaches X, on the sanctions list but not a seed. */
class SanctionedCounterpartyRuleTest {

    private static final List<String> X_LISTED = List.of(addr("X"));

    private static List<Flag> flags(LedgerFixture f, List<String> sanctioned) {
        return RuleTesting.flags(new SanctionedCounterpartyRule(), f, LabelBook.empty(), sanctioned);
    }

    @Test
    void firesWhenAForwardFlowReachesAListedAddress() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).tx(11, 0, "A", "X", 100);
        List<Flag> flags = flags(f, X_LISTED);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo(addr("X"));
        assertThat(flags.get(0).severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(flags.get(0).hops()).isEqualTo(2);
        assertThat(flags.get(0).evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
        assertThat(flags.get(0).explanation()).contains("on the sanctions list").contains("received designated funds 2 hop(s) away");
    }

    @Test
    void firesWhenAListedAddressFundedASeed() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "X", "S", 100);
        List<Flag> flags = flags(f, X_LISTED);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).explanation()).contains("funded a designated address 1 hop(s) away");
    }

    @Test
    void quietForAListedAddressTheTraceDoesNotReach() {
        var unrelated = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).tx(11, 0, "N", "X", 100);
        assertThat(flags(unrelated, X_LISTED)).isEmpty();
        var beyondTheHorizon = new LedgerFixture().seeds("S").maxHops(1).tx(10, 0, "S", "A", 100).tx(11, 0, "A", "X", 100);
        assertThat(flags(beyondTheHorizon, X_LISTED)).isEmpty();
        var tooEarly = new LedgerFixture().seeds("S").tx(9, 0, "A", "X", 100).tx(10, 0, "S", "A", 100);
        assertThat(flags(tooEarly, X_LISTED)).isEmpty();
    }

    @Test
    void quietForReachedAddressesNotOnTheListAndListedAddressesOutsideTheExport() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).tx(11, 0, "A", "X", 100);
        assertThat(flags(f, List.of())).isEmpty();
        assertThat(flags(f, List.of(addr("ZZ")))).isEmpty();
    }
}
