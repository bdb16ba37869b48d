package dev.fundtrace.rules;

import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.RuleTesting.STRUCTURING_THRESHOLD;
import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.rules.RuleTesting.labelled;
import static dev.fundtrace.trace.LedgerFixture.TOKEN;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * STRUCTURING: 3 sends just under the threshold (1000 wei: from 900 up to 999) within a day (7200 blocks).
 * The planted pattern: S pays A 5000 in block 10, A sends 950 three times.
 */
class StructuringRuleTest {

    private final StructuringRule rule = new StructuringRule(Map.of("ETH", STRUCTURING_THRESHOLD), Duration.ofDays(1), 3);

    static LedgerFixture paidA() {
        return new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 5_000);
    }

    static LedgerFixture threeSends(long first, long second, long third) {
        return paidA().tx(11, 0, "A", "X1", first).tx(12, 0, "A", "X2", second).tx(13, 0, "A", "X3", third);
    }

    @Test
    void firesOnThreeSendsJustUnderTheThresholdWithinTheWindow() {
        List<Flag> flags = flags(rule, threeSends(950, 950, 950));
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("A"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.LOW);
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.evidence()).containsExactly(txHash(10, 0), txHash(11, 0), txHash(12, 0), txHash(13, 0));
        assertThat(f.explanation()).contains("this address sent 3 transfers just under the reporting threshold of 0.000000000000001 ETH within 1 day");
    }

    @Test
    void aSeedItselfIsFlaggedWithoutAFlow() {
        var f = new LedgerFixture().seeds("S").tx(11, 0, "S", "X1", 990).tx(12, 0, "S", "X2", 990).tx(13, 0, "S", "X3", 990);
        List<Flag> flags = flags(rule, f);
        assertThat(flags).hasSize(1);
        Flag g = flags.get(0);
        assertThat(g.address()).isEqualTo(addr("S"));
        assertThat(g.seed()).isEqualTo(addr("S"));
        assertThat(g.hops()).isZero();
        assertThat(g.flowIds()).isEmpty();
        assertThat(g.evidence()).containsExactly(txHash(11, 0), txHash(12, 0), txHash(13, 0));
        assertThat(g.explanation()).contains("the designated address sent 3 transfers");
    }

    @Test
    void quietAtTwoSends() {
        assertThat(flags(rule, paidA().tx(11, 0, "A", "X1", 950).tx(12, 0, "A", "X2", 950))).isEmpty();
    }

    @Test
    void theBandIsFromNinetyPercentUpToButNotIncludingTheThreshold() {
        assertThat(flags(rule, threeSends(950, 950, 1_000))).isEmpty();
        assertThat(flags(rule, threeSends(950, 950, 899))).isEmpty();
        assertThat(flags(rule, threeSends(900, 999, 900))).hasSize(1);
    }

    @Test
    void quietWhenTheSendsSpreadBeyondTheWindow() {
        var spread = paidA().tx(11, 0, "A", "X1", 950).tx(12, 0, "A", "X2", 950).tx(11 + 7201, 0, "A", "X3", 950);
        assertThat(flags(rule, spread)).isEmpty();
        var justWithin = paidA().tx(11, 0, "A", "X1", 950).tx(12, 0, "A", "X2", 950).tx(11 + 7200, 0, "A", "X3", 950);
        assertThat(flags(rule, justWithin)).hasSize(1);
    }

    @Test
    void quietForALabelledAddressAndAnAssetWithoutAThreshold() {
        assertThat(flags(rule, threeSends(950, 950, 950).services("A"), labelled("A", "exchange"))).isEmpty();
        var token = new LedgerFixture().seeds("S").token(TOKEN, 10, 0, "S", "A", 5_000)
                .token(TOKEN, 11, 0, "A", "X1", 950).token(TOKEN, 12, 0, "A", "X2", 950).token(TOKEN, 13, 0, "A", "X3", 950);
        assertThat(flags(rule, token)).isEmpty();
    }

    @Test
    void quietForAnUntaintedAddress() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "B", 5)
                .tx(11, 0, "N", "X1", 950).tx(12, 0, "N", "X2", 950).tx(13, 0, "N", "X3", 950);
        assertThat(flags(rule, f)).isEmpty();
    }
}
