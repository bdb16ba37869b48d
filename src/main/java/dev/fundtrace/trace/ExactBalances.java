package dev.fundtrace.trace;

import java.math.BigInteger;

/**
 * Known balances {@code B} per address as exact integers: a long while it fits, a BigInteger after.
 * Exactness matters: an address that spends exactly what it received must end at zero, or it would keep a
 * sliver of taint forever.
 */
final class ExactBalances {
    private final long[] small;
    private final BigInteger[] big;

    ExactBalances(int n) {
        small = new long[n];
        big = new BigInteger[n];
    }

    BigInteger get(int v) {
        return big[v] != null ? big[v] : BigInteger.valueOf(small[v]);
    }

    boolean isPositive(int v) {
        return big[v] != null ? big[v].signum() > 0 : small[v] > 0;
    }

    void add(int v, long y, BigInteger yBig) {
        if (big[v] == null && yBig == null) {
            long r = small[v] + y;
            if (((small[v] ^ r) & (y ^ r)) >= 0) { small[v] = r; return; } // no overflow
        }
        set(v, get(v).add(yBig != null ? yBig : BigInteger.valueOf(y)));
    }

    /**
     * Spends y from v: returns y/B as a share in [0,1] (1 when y >= B) and sets B = max(0, B - y).
     * Also returns (B - y)/B through {@code keep[0]}, computed from the exact difference.
     */
    double spend(int v, long y, BigInteger yBig, double[] keep) {
        if (big[v] == null && yBig == null) {
            long b = small[v];
            if (y >= b) { small[v] = 0; keep[0] = 0; return 1; }
            long rest = b - y;
            small[v] = rest;
            keep[0] = (double) rest / (double) b;
            return (double) y / (double) b;
        }
        BigInteger b = get(v), yy = yBig != null ? yBig : BigInteger.valueOf(y);
        if (yy.compareTo(b) >= 0) { set(v, BigInteger.ZERO); keep[0] = 0; return 1; }
        BigInteger rest = b.subtract(yy);
        set(v, rest);
        keep[0] = ratio(rest, b);
        return ratio(yy, b);
    }

    private static double ratio(BigInteger a, BigInteger b) {
        int shift = Math.max(0, b.bitLength() - 1000); // keep both within double range
        return a.shiftRight(shift).doubleValue() / b.shiftRight(shift).doubleValue();
    }

    private void set(int v, BigInteger value) {
        if (value.bitLength() < 63) { small[v] = value.longValue(); big[v] = null; }
        else big[v] = value;
    }
}
