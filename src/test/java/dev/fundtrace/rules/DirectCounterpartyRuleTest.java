package dev.fundtrace.rules;

import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/** DIRECT_COUNTERPARTY: hop 1 either way. The seed S pays A; F funds S. */
class DirectCounterpartyRuleTest {

    private final DirectCounterpartyRule rule = new DirectCounterpartyRule();

    @Test
    void firesOnAnAddressASeedPaid() {
        List<Flag> flags = flags(rule, new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100));
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.rule()).isEqualTo(Rule.DIRECT_COUNTERPARTY);
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.address()).isEqualTo(addr("A"));
        assertThat(f.seed()).isEqualTo(addr("S"));
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.flowIds()).hasSize(1);
        assertThat(f.evidence()).containsExactly(txHash(10, 0));
        assertThat(f.explanation()).isEqualTo(addr("A") + " received 0.0000000000000001 ETH directly from designated address "
                + addr("S") + ".");
        assertThat(f.amountRaw()).isEqualTo("100");
    }

    /** Defect: three payments of one seed read "received 9500 USDT" with one tx beside a tainted amount of 29100. */
    @Test
    void everyDirectTransferOfTheSeedIsInTheFlagsSentenceAmountAndEvidence() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 9_500).tx(11, 0, "S", "A", 9_900)
                .tx(12, 0, "S", "A", 9_700);
        List<Flag> flags = flags(rule, f);
        assertThat(flags).hasSize(1);
        Flag g = flags.get(0);
        assertThat(g.amountRaw()).isEqualTo("29100");
        assertThat(g.evidence()).containsExactly(txHash(10, 0), txHash(11, 0), txHash(12, 0));
        assertThat(g.explanation()).contains("received 0.0000000000000291 ETH in 3 transfers directly from designated address");
    }

    @Test
    void eachSeedThatPaidTheAddressIsAFindingOfItsOwn() {
        var f = new LedgerFixture().seeds("S", "T").tx(10, 0, "S", "A", 100).tx(11, 0, "T", "A", 7);
        List<Flag> flags = flags(rule, f);
        assertThat(flags).extracting(Flag::seed).containsExactlyInAnyOrder(addr("S"), addr("T"));
        assertThat(flags).extracting(Flag::amountRaw).containsExactlyInAnyOrder("100", "7");
        assertThat(flags).extracting(Flag::id).doesNotHaveDuplicates();
    }

    @Test
    void firesOnAnAddressThatPaidASeed() {
        List<Flag> flags = flags(rule, new LedgerFixture().seeds("S").tx(10, 0, "F", "S", 250));
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo(addr("F"));
        assertThat(flags.get(0).explanation()).contains("sent 0.00000000000000025 ETH directly to designated address");
    }

    @Test
    void anAddressPaidByAndPayingASeedIsOneFlagWithBothFlowsAndBothReasons() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).tx(11, 0, "A", "S", 40);
        List<Flag> flags = flags(rule, f);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).flowIds()).hasSize(2);
        assertThat(flags.get(0).evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
        assertThat(flags.get(0).explanation()).contains("received").contains("; it also sent");
        assertThat(flags.get(0).amountRaw()).isEqualTo("140"); // every direct transfer between the two, both ways
    }

    @Test
    void quietAtHopTwoAndOnSeeds() {
        var f = new LedgerFixture().seeds("S", "T").tx(10, 0, "S", "A", 100).tx(11, 0, "A", "B", 100)
                .tx(12, 0, "S", "T", 5);
        assertThat(flags(rule, f)).extracting(Flag::address).containsExactly(addr("A"));
    }

    @Test
    void eachAssetIsAFlagOfItsOwn() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).token(LedgerFixture.TOKEN, 11, 0, "S", "A", 7);
        assertThat(flags(rule, f)).extracting(Flag::asset).containsExactlyInAnyOrder("ETH", LedgerFixture.TOKEN);
    }
}
