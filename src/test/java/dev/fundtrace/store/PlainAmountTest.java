package dev.fundtrace.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw amounts in reports: integer strings (the column's scale dropped); a fraction, stored by a run made before
 * taint was exact, kept as a plain decimal without trailing zeros.
 */
class PlainAmountTest {

    private static String byArithmetic(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
    }

    @Test
    void sameAsBigDecimalArithmetic() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal v = switch (i % 4) {
                case 0 -> new BigDecimal(new BigInteger(r.nextInt(1, 256), new java.util.Random(i))).setScale(18); // NUMERIC(96,18)
                case 1 -> new BigDecimal(new BigInteger(r.nextInt(1, 256), new java.util.Random(i)));               // exact
                case 2 -> new BigDecimal(BigInteger.valueOf(r.nextLong(1_000_000)), r.nextInt(-5, 20));
                default -> BigDecimal.valueOf(r.nextInt(100)).setScale(r.nextInt(0, 4));
            };
            assertThat(Amounts.plain(v)).as(v.toString()).isEqualTo(byArithmetic(v));
        }
        assertThat(Amounts.plain(BigDecimal.ZERO)).isEqualTo("0");
        assertThat(Amounts.plain(new BigDecimal("0.000000000000000000"))).isEqualTo("0");
        assertThat(Amounts.plain(new BigDecimal("5E+18"))).isEqualTo("5000000000000000000");
        assertThat(Amounts.plain(new BigDecimal("929548253176970637.000000000000000000"))).isEqualTo("929548253176970637");
        assertThat(Amounts.plain(new BigDecimal("12.50"))).isEqualTo("12.5"); // a stored fraction (older runs)
        BigInteger uint256Max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertThat(Amounts.plain(uint256Max)).isEqualTo(uint256Max.toString());
    }
}
