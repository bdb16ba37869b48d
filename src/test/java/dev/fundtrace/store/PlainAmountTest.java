package dev.fundtrace.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw amounts in reports: plain decimal, at least one fractional digit, no trailing zeros beyond it. */
class PlainAmountTest {

    private static String byArithmetic(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 1) s = s.setScale(1);
        return s.toPlainString();
    }

    @Test
    void sameAsBigDecimalArithmetic() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal v = switch (i % 4) {
                case 0 -> BigDecimal.valueOf(Math.exp(r.nextDouble() * 100));           // haircut taint (from a double)
                case 1 -> new BigDecimal(new BigInteger(r.nextInt(1, 256), new java.util.Random(i))).setScale(1); // exact
                case 2 -> new BigDecimal(BigInteger.valueOf(r.nextLong(1_000_000)), r.nextInt(-5, 20));
                default -> BigDecimal.valueOf(r.nextInt(100)).setScale(r.nextInt(0, 4));
            };
            assertThat(Amounts.plain(v)).as(v.toString()).isEqualTo(byArithmetic(v));
        }
        assertThat(Amounts.plain(BigDecimal.ZERO)).isEqualTo("0.0");
        assertThat(Amounts.plain(new BigDecimal("5E+18"))).isEqualTo("5000000000000000000.0");
    }
}
