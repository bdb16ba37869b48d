package dev.fundtrace.trace;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The haircut pass's 128-bit arithmetic against BigInteger: {@code floor(y·T/B)} and the 128-by-64 division, on
 * seeded random operands with every bit length and on the edges (2^63, 2^64, 2^126, 2^127 - 1, all ones).
 */
class U128Test {

    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(U128.BITS); // 2^127, exclusive

    private static long hi(BigInteger x) { return x.shiftRight(64).longValue(); }

    private static long lo(BigInteger x) { return x.and(MASK64).longValue(); }

    /** A random value in [0, 2^127) with a random bit length, often near a power of two. */
    private static BigInteger random(SplittableRandom rnd) {
        int bits = rnd.nextInt(U128.BITS + 1);
        BigInteger x = switch (rnd.nextInt(4)) {
            case 0 -> BigInteger.ONE.shiftLeft(bits).add(BigInteger.valueOf(rnd.nextInt(9) - 4));
            case 1 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE); // all ones
            default -> new BigInteger(bits, new java.util.Random(rnd.nextLong()));
        };
        x = x.max(BigInteger.ZERO);
        return x.compareTo(LIMIT) >= 0 ? LIMIT.subtract(BigInteger.ONE) : x;
    }

    private static List<BigInteger> edges() {
        List<BigInteger> out = new ArrayList<>();
        for (int p : new int[]{0, 1, 31, 32, 33, 62, 63, 64, 65, 95, 96, 125, 126, 127}) {
            for (int d = -2; d <= 2; d++) {
                BigInteger x = BigInteger.ONE.shiftLeft(p).add(BigInteger.valueOf(d));
                if (x.signum() >= 0 && x.compareTo(LIMIT) < 0) out.add(x);
            }
        }
        return out;
    }

    private static void checkMulDiv(U128 w, BigInteger y, BigInteger t, BigInteger b) {
        // the kernel's preconditions: y < B, T <= B, B < 2^127
        w.mulDiv(hi(y), lo(y), hi(t), lo(t), hi(b), lo(b));
        BigInteger want = y.multiply(t).divide(b);
        BigInteger got = U128.toBig(w.hi, w.lo);
        assertThat(got).as("floor(%s * %s / %s)", y, t, b).isEqualTo(want);
    }

    /** Orders three values into the preconditions y < B, T <= B; null when they cannot be. */
    private static BigInteger[] arrange(BigInteger a, BigInteger c, BigInteger d) {
        BigInteger[] v = {a, c, d};
        java.util.Arrays.sort(v);
        if (v[2].signum() == 0 || v[0].equals(v[2])) return null;
        BigInteger b = v[2], y = v[0].compareTo(b) < 0 ? v[0] : v[1];
        BigInteger t = y == v[0] ? v[1] : v[0];
        return y.compareTo(b) < 0 ? new BigInteger[]{y, t, b} : null;
    }

    @Test
    void mulDivMatchesBigIntegerOnRandomOperands() {
        U128 w = new U128();
        SplittableRandom rnd = new SplittableRandom(0x5eed_128L);
        int checked = 0, wide = 0;
        for (int i = 0; i < 200_000; i++) {
            BigInteger[] a = arrange(random(rnd), random(rnd), random(rnd));
            if (a == null) continue;
            checkMulDiv(w, a[0], a[1], a[2]);
            checked++;
            if (a[2].bitLength() > 64) wide++;
        }
        assertThat(checked).isGreaterThan(150_000);
        assertThat(wide).as("divisors above 64 bits").isGreaterThan(50_000);
    }

    @Test
    void mulDivMatchesBigIntegerOnTheEdges() {
        U128 w = new U128();
        List<BigInteger> e = edges();
        for (BigInteger a : e) {
            for (BigInteger c : e) {
                for (BigInteger d : e) {
                    BigInteger[] x = arrange(a, c, d);
                    if (x != null) checkMulDiv(w, x[0], x[1], x[2]);
                }
            }
        }
    }

    @Test
    void mulDivWhenTheTaintIsTheWholeBalance() {
        // T = B: floor(y·B/B) = y, with products that need all 254 bits
        U128 w = new U128();
        BigInteger b = LIMIT.subtract(BigInteger.ONE);
        for (BigInteger y : List.of(BigInteger.ONE, b.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(126))) {
            checkMulDiv(w, y, b, b);
        }
    }

    @Test
    void divluMatchesBigInteger() {
        SplittableRandom rnd = new SplittableRandom(0x5eed_64L);
        List<BigInteger> e = edges();
        for (int i = 0; i < 150_000; i++) {
            long v = i % 3 == 0 ? (long) e.get(rnd.nextInt(e.size())).longValue() : rnd.nextLong();
            if (v == 0) v = 1;
            BigInteger vb = new BigInteger(Long.toUnsignedString(v));
            // u1 < v (unsigned)
            long u1 = Long.remainderUnsigned(rnd.nextLong() >>> rnd.nextInt(64), v), u0 = rnd.nextLong();
            if (i % 5 == 0) u1 = Long.compareUnsigned(v, 1) > 0 ? v - 1 : 0; // the largest high limb allowed
            BigInteger u = new BigInteger(Long.toUnsignedString(u1)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(u0)));
            long q = U128.divlu(u1, u0, v);
            assertThat(new BigInteger(Long.toUnsignedString(q))).as("%s / %s", u, vb).isEqualTo(u.divide(vb));
        }
    }

    @Test
    void toBigAndBack() {
        for (BigInteger x : edges()) {
            assertThat(U128.toBig(hi(x), lo(x))).isEqualTo(x);
            assertThat(U128.fits(x)).isTrue();
            assertThat(U128.hiOf(x)).isEqualTo(hi(x));
        }
        assertThat(U128.fits(LIMIT)).isFalse();
        assertThat(U128.compare(0, -1L, 1, 0)).isNegative();   // 2^64 - 1 < 2^64
        assertThat(U128.compare(0, -1L, 0, 1)).isPositive();   // unsigned low limbs
        assertThat(U128.compare(5, 7, 5, 7)).isZero();
    }
}
