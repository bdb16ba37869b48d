package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.trace.LedgerFixture.TOKEN;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PEEL_CHAIN (report.md) on small planted ledgers. The planted chain: the seed S pays A; A, B and C each send
 * about 95% on to a fresh address (B, C, D) and peel the rest off to X1, X2, X3. Each near miss changes one
 * thing of it. Blocks are 12 s apart; the rule has no window.
 */
class PeelChainRuleTest {

    static LedgerFixture chainOfThree() {
        return new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 5).tx(14, 0, "B", "C", 90)
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 5);
    }

    static List<Flag> peelChains(LedgerFixture f) {
        return peelChains(f, LabelBook.empty());
    }

    static List<Flag> peelChains(LedgerFixture f, LabelBook labels) {
        var thresholds = new RuleThresholds(Map.of(), Duration.ofHours(1), Map.of(), Duration.ofDays(1), 3);
        return new FlagEngine(labels, thresholds).evaluate(f.trace().chainTrace(), List.of()).flags().stream()
                .filter(g -> g.rule() == Rule.PEEL_CHAIN).toList();
    }

    @Test
    void aChainOfThreeStepsIsOneFlagAtTheFirstStepWithTheOnwardTransfersAsEvidence() {
        List<Flag> flags = peelChains(chainOfThree());
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("A"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.LOW);
        assertThat(f.asset()).isEqualTo("ETH");
        assertThat(f.seed()).isEqualTo(addr("S"));
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.flowIds()).hasSize(1);
        assertThat(f.evidence()).containsExactly(txHash(11, 0), txHash(14, 0), txHash(15, 0));
        assertThat(f.explanation()).contains("peel chain of 3 steps").contains(addr("D"));
    }

    @Test
    void twoStepsAreNotAChain() {
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 5).tx(14, 0, "B", "C", 90)
                .tx(15, 0, "C", "D", 90); // C sends once: no third step
        assertThat(peelChains(f)).isEmpty();
    }

    @Test
    void aLongerChainIsStillOneFlagAndItsSubChainsAreNotFlaggedAgain() {
        var f = chainOfThree().tx(17, 0, "D", "E", 80).tx(18, 0, "D", "X4", 5);
        List<Flag> flags = peelChains(f);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo(addr("A"));
        assertThat(flags.get(0).evidence()).containsExactly(txHash(11, 0), txHash(14, 0), txHash(15, 0), txHash(17, 0));
    }

    @Test
    void theLargerSendMustBeAtLeastNinetyPercentOfTheTwo() {
        var tooLarge = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 11).tx(14, 0, "B", "C", 89) // 89 of 100: under 90%
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 4);
        assertThat(peelChains(tooLarge)).isEmpty();
        var exactlyNinety = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 10).tx(14, 0, "B", "C", 90) // 90 of 100: a peel
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 5);
        assertThat(peelChains(exactlyNinety)).hasSize(1);
    }

    @Test
    void amountsBeyondSixtyFourBitsAreComparedExactly() {
        BigInteger unit = BigInteger.TEN.pow(30);
        BigInteger nine = unit.multiply(BigInteger.valueOf(9));
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", unit.multiply(BigInteger.valueOf(100)))
                .tx(11, 0, "A", "B", nine).tx(12, 0, "A", "X1", unit)                          // exactly 90%
                .tx(13, 0, "B", "C", nine).tx(14, 0, "B", "X2", unit)
                .tx(15, 0, "C", "D", nine.subtract(BigInteger.ONE)).tx(16, 0, "C", "X3", unit); // one unit short
        assertThat(peelChains(f)).isEmpty();
        var g = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", unit.multiply(BigInteger.valueOf(100)))
                .tx(11, 0, "A", "B", nine).tx(12, 0, "A", "X1", unit)
                .tx(13, 0, "B", "C", nine).tx(14, 0, "B", "X2", unit)
                .tx(15, 0, "C", "D", nine).tx(16, 0, "C", "X3", unit);
        assertThat(peelChains(g)).hasSize(1);
    }

    @Test
    void aChangeAddressWithAnEarlierTransferIsNotFresh() {
        var earlierEth = chainOfThree().tx(5, 0, "N", "C", 1); // C was paid before B's peel
        assertThat(peelChains(earlierEth)).isEmpty();
        var earlierSend = chainOfThree().tx(5, 0, "C", "N", 1); // C had sent before
        assertThat(peelChains(earlierSend)).isEmpty();
        var earlierToken = chainOfThree().token(TOKEN, 6, 3, "N", "C", 1_000); // any asset counts
        assertThat(peelChains(earlierToken)).isEmpty();
        var earlierDust = chainOfThree().dust("ETH", 2).tx(5, 0, "N", "C", 1); // below dust, but seen before
        assertThat(peelChains(earlierDust)).isEmpty();
        var laterToken = chainOfThree().token(TOKEN, 20, 3, "N", "C", 1_000); // after the peel: still fresh
        assertThat(peelChains(laterToken)).hasSize(1);
    }

    @Test
    void anotherAssetsTransferInTheSameBlockCountsAsEarlier() {
        // log index 9 against transaction index 0: two assets' orders in one block cannot be compared
        var f = chainOfThree().token(TOKEN, 14, 9, "N", "C", 1_000);
        assertThat(peelChains(f)).isEmpty();
    }

    @Test
    void aTokenChainIsFlaggedInItsOwnAsset() {
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .token(TOKEN, 10, 0, "S", "A", 100)
                .token(TOKEN, 11, 0, "A", "B", 95).token(TOKEN, 12, 0, "A", "X1", 5)
                .token(TOKEN, 13, 0, "B", "C", 90).token(TOKEN, 14, 0, "B", "X2", 5)
                .token(TOKEN, 15, 0, "C", "D", 85).token(TOKEN, 16, 0, "C", "X3", 5);
        List<Flag> flags = peelChains(f);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).asset()).isEqualTo(TOKEN);
        assertThat(flags.get(0).evidence()).containsExactly(txHash(11, 0), txHash(13, 0), txHash(15, 0));
    }

    @Test
    void anAddressThatSendsThreeTransfersIsNoStep() {
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 3).tx(14, 0, "B", "C", 90).tx(14, 5, "B", "X4", 2)
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 5);
        assertThat(peelChains(f)).isEmpty();
    }

    @Test
    void onlyTheSendsBeforeTheNextInflowCount() {
        // B is paid again between its two sends: its step has one send, so B is no step
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .tx(10, 0, "S", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 5).tx(13, 4, "N", "B", 1).tx(14, 0, "B", "C", 90)
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 5);
        assertThat(peelChains(f)).isEmpty();
        // sends before the first tainted inflow do not count either
        var early = chainOfThree().tx(9, 0, "A", "N", 7);
        assertThat(peelChains(early)).hasSize(1);
    }

    @Test
    void aLabelledStepBreaksTheChain() {
        var f = chainOfThree().services("B");
        var labels = new LabelBook(List.of(new Label(addr("B"), "ethereum", "Some Exchange", "exchange", "test")));
        assertThat(peelChains(f, labels)).isEmpty();
    }

    @Test
    void stepsMustBeTaintedAndWithinTheHorizon() {
        // the same chain one hop further out: its third step would be at hop 5
        var f = new LedgerFixture().seeds("S").maxHops(4)
                .tx(9, 0, "S", "P", 100).tx(10, 0, "P", "A", 100)
                .tx(11, 0, "A", "B", 95).tx(12, 0, "A", "X1", 5)
                .tx(13, 0, "B", "X2", 5).tx(14, 0, "B", "C", 90)
                .tx(15, 0, "C", "D", 85).tx(16, 0, "C", "X3", 5)
                .maxHops(3);
        assertThat(peelChains(f)).isEmpty();
        assertThat(peelChains(f.maxHops(4))).hasSize(1);
    }
}
