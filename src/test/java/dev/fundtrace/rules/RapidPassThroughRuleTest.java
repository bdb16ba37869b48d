package dev.fundtrace.rules;

import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.rules.RuleTesting.labelled;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAPID_PASS_THROUGH: A sends on at least 90% of a tainted inflow within the window (1 h: 300 blocks).
 * The planted flow: S pays A 100 in block 10; A sends on in the blocks after.
 */
class RapidPassThroughRuleTest {

    private final RapidPassThroughRule rule = new RapidPassThroughRule(Duration.ofHours(1));

    static LedgerFixture paidA() {
        return new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100);
    }

    @Test
    void firesAtNinetyPercentWithinTheWindow() {
        List<Flag> flags = flags(rule, paidA().tx(11, 0, "A", "B", 90));
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("A"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(f.evidence()).containsExactly(txHash(10, 0), txHash(11, 0)); // the flow, then inflow and sends
        assertThat(f.explanation()).contains("passed on 0.00000000000000009 ETH of a tainted inflow of 0.0000000000000001 ETH within 1 hour");
    }

    @Test
    void severalSendsAddUpAndAreAllEvidence() {
        List<Flag> flags = flags(rule, paidA().tx(11, 0, "A", "B", 50).tx(12, 0, "A", "C", 40));
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).evidence()).containsExactly(txHash(10, 0), txHash(11, 0), txHash(12, 0));
    }

    @Test
    void quietAtEightyNinePercent() {
        assertThat(flags(rule, paidA().tx(11, 0, "A", "B", 89))).isEmpty();
        assertThat(flags(rule, paidA().tx(11, 0, "A", "B", 50).tx(12, 0, "A", "C", 39))).isEmpty();
    }

    @Test
    void theWindowEndsAnHourAfterTheInflowInclusive() {
        assertThat(flags(rule, paidA().tx(310, 0, "A", "B", 90))).hasSize(1); // exactly 3600 s later
        assertThat(flags(rule, paidA().tx(311, 0, "A", "B", 90))).isEmpty(); // 3612 s later
        assertThat(flags(rule, paidA().tx(11, 0, "A", "B", 45).tx(311, 0, "A", "C", 45))).isEmpty();
    }

    @Test
    void onlySendsAfterATaintedInflowCount() {
        var sentBefore = new LedgerFixture().seeds("S").tx(9, 0, "A", "B", 100).tx(10, 0, "S", "A", 100);
        assertThat(flags(rule, sentBefore)).isEmpty();
        // a clean inflow passed on quickly is no pass-through of designated funds
        var cleanInflow = paidA().tx(400, 0, "N", "A", 1_000).tx(401, 0, "A", "B", 950);
        assertThat(flags(rule, cleanInflow)).isEmpty();
    }

    @Test
    void quietForALabelledAddressAndForSeeds() {
        var f = paidA().services("A").tx(11, 0, "A", "B", 90);
        assertThat(flags(rule, f, labelled("A", "exchange"))).isEmpty();
        var seedPassesOn = new LedgerFixture().seeds("S").tx(10, 0, "N", "S", 100).tx(11, 0, "S", "A", 100);
        assertThat(flags(rule, seedPassesOn)).isEmpty();
    }

    @Test
    void amountsBeyondSixtyFourBitsAreComparedExactly() {
        BigInteger in = BigInteger.TEN.pow(25), ninety = in.divide(BigInteger.TEN).multiply(BigInteger.valueOf(9));
        var big = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", in);
        assertThat(flags(rule, big.tx(11, 0, "A", "B", ninety))).hasSize(1);
        var short1 = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", in).tx(11, 0, "A", "B", ninety.subtract(BigInteger.ONE));
        assertThat(flags(rule, short1)).isEmpty();
        // sends that fit a long each but whose sum passes 2^63: 10^19 of an inflow of 2^63 - 1
        var overflow = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", Long.MAX_VALUE)
                .tx(11, 0, "A", "B", 4_000_000_000_000_000_000L).tx(12, 0, "A", "C", 6_000_000_000_000_000_000L);
        assertThat(flags(rule, overflow)).hasSize(1);
        BigInteger twice = BigInteger.TEN.pow(19).shiftLeft(1);
        var half = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", twice)
                .tx(11, 0, "A", "B", 4_000_000_000_000_000_000L).tx(12, 0, "A", "C", 6_000_000_000_000_000_000L);
        assertThat(flags(rule, half)).isEmpty();
        assertThat(flags(rule, half.tx(13, 0, "A", "D", 8_000_000_000_000_000_000L))).hasSize(1); // 90% of 2 * 10^19
    }
}
