package dev.fundtrace.trace.coin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.fundtrace.trace.coin.TestLedger.in;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utxo.md, "CoinJoin-shaped": each condition, and a near miss for each. */
class CoinJoinShapeTest {

    /** One transaction spending one coin of each holder (null: addressless) and paying {@code outputs}. */
    private static boolean shaped(List<String> inputHolders, long... outputs) {
        TestLedger l = new TestLedger();
        TestLedger.Tx funding = l.block(100).coinbase("fund");
        for (String h : inputHolders) funding.out(h, 1_000_000);
        List<TestLedger.Input> spends = new ArrayList<>();
        for (int i = 0; i < inputHolders.size(); i++) spends.add(in("fund:" + i));
        TestLedger.Tx tx = l.block(101).tx("mix", spends.toArray(TestLedger.Input[]::new));
        for (long v : outputs) tx.out("O" + v, v);
        return CoinJoinShape.test(l.build(), l.tx("mix"));
    }

    private static final List<String> THREE = List.of("H1", "H2", "H3");

    @Test
    void threeEqualOutputsFromThreeHolders() {
        assertTrue(shaped(THREE, 1000, 1000, 1000, 7, 8)); // p = 3
        assertTrue(shaped(List.of("H1", "H2"), 1000, 1000, 5)); // p = 2
    }

    @Test
    void needsTwoInputsAndThreeOutputs() {
        assertFalse(shaped(List.of("H1"), 1000, 1000, 5));
        assertFalse(shaped(List.of("H1", "H2"), 1000, 999), "two outputs: p = 1, 999 once, but n_out < 3");
    }

    @Test
    void pMustNotExceedTheInputs() {
        assertFalse(shaped(List.of("H1", "H2"), 1000, 1000, 1000, 7, 8), "p = 3 > 2 inputs");
    }

    @Test
    void pMustNotExceedTheDistinctInputHolders() {
        assertFalse(shaped(List.of("H1", "H1", "H2"), 1000, 1000, 1000, 7, 8));
        assertFalse(shaped(Arrays3.withNull("H1", "H2"), 1000, 1000, 1000, 7, 8), "addressless inputs do not count");
        assertTrue(shaped(List.of("H1", "H1", "H2", "H3"), 1000, 1000, 1000, 7, 8));
    }

    @Test
    void theModalValueOccursExactlyPTimes() {
        assertFalse(shaped(THREE, 1000, 1000, 1000, 1000, 8), "4 times, p = 3");
        assertFalse(shaped(THREE, 1000, 1000, 6, 7, 8), "twice, p = 3");
    }

    @Test
    void aTieTakesTheSmallestValue() {
        assertFalse(shaped(THREE, 1000, 1000, 1000, 546, 546, 546), "546 is the smaller of the tie: dust");
        assertTrue(shaped(THREE, 2730, 2730, 2730, 1000, 1000, 1000), "1000 is the smaller of the tie");
    }

    @Test
    void dustValuesAreNotCoinJoins() {
        assertFalse(shaped(THREE, 546, 546, 546, 7, 8));
        assertTrue(shaped(THREE, 547, 547, 547, 7, 8));
        assertTrue(shaped(THREE, 545, 545, 545, 7, 8));
        assertFalse(shaped(THREE, 2730, 2730, 2730, 7, 8));
        assertTrue(shaped(THREE, 2731, 2731, 2731, 7, 8));
    }

    @Test
    void aCoinbaseIsNotACoinJoin() {
        TestLedger l = new TestLedger();
        l.block(100).coinbase("cb").out("A", 1000).out("B", 1000).out("C", 1000);
        assertFalse(CoinJoinShape.test(l.build(), l.tx("cb")));
    }

    /** List.of refuses nulls. */
    private static final class Arrays3 {
        static List<String> withNull(String a, String b) {
            List<String> l = new ArrayList<>();
            l.add(a);
            l.add(b);
            l.add(null);
            return l;
        }
    }
}
