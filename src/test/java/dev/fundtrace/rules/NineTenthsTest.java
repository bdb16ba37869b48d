package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The long fast path of RAPID_PASS_THROUGH's 90% test agrees with BigInteger arithmetic, overflow included. */
class NineTenthsTest {

    static boolean exact(long out, long in) {
        return BigInteger.valueOf(out).multiply(BigInteger.TEN).compareTo(BigInteger.valueOf(in).multiply(BigInteger.valueOf(9))) >= 0;
    }

    @Test
    void boundaries() {
        assertThat(RapidPassThroughRule.atLeastNineTenths(90, 100)).isTrue();
        assertThat(RapidPassThroughRule.atLeastNineTenths(89, 100)).isFalse();
        assertThat(RapidPassThroughRule.atLeastNineTenths(0, 0)).isTrue();
        long max = Long.MAX_VALUE;
        assertThat(RapidPassThroughRule.atLeastNineTenths(max, max)).isTrue();
        // 9 * 10^18 wei out of 10^19: exactly 90%, both products past 2^63
        assertThat(RapidPassThroughRule.atLeastNineTenths(9_000_000_000_000_000_000L, max)).isEqualTo(exact(9_000_000_000_000_000_000L, max));
        assertThat(RapidPassThroughRule.atLeastNineTenths(max / 10 * 9, max)).isEqualTo(exact(max / 10 * 9, max));
        assertThat(RapidPassThroughRule.atLeastNineTenths(max / 10 * 9 + 1, max)).isEqualTo(exact(max / 10 * 9 + 1, max));
    }

    @Test
    void agreesWithBigIntegerOnRandomAmounts() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long in = r.nextLong(Long.MAX_VALUE), out = r.nextInt(4) == 0 ? in / 10 * 9 + r.nextLong(-3, 4) : r.nextLong(Long.MAX_VALUE);
            if (out < 0) out = 0;
            assertThat(RapidPassThroughRule.atLeastNineTenths(out, in)).as("%d of %d", out, in).isEqualTo(exact(out, in));
        }
    }
}
