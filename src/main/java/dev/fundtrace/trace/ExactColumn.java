package dev.fundtrace.trace;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of exact non-negative integers (raw amounts), one per index: the low 64 bits in a long array, the
 * high ones in a second array made only when a value needs it, and values of 2^127 or more (uint256 token
 * amounts) as BigIntegers on the side. All start at zero.
 */
final class ExactColumn {
    private final long[] lo;
    private long[] hi;
    private Map<Integer, BigInteger> big;

    ExactColumn(int size) {
        lo = new long[size];
    }

    int size() { return lo.length; }

    private long hi(int i) { return hi == null ? 0 : hi[i]; }

    private boolean isBig(int i) { return big != null && big.containsKey(i); }

    BigInteger get(int i) {
        if (big != null) {
            BigInteger b = big.get(i);
            if (b != null) return b;
        }
        return U128.toBig(hi(i), lo[i]);
    }

    /** Sign of the value at i: 0 or 1. */
    int signum(int i) {
        return lo[i] != 0 || hi(i) != 0 || isBig(i) ? 1 : 0;
    }

    /** Sets i to (h, l), a value below 2^127; i must not hold a value yet. */
    void set(int i, long h, long l) {
        lo[i] = l;
        if (h != 0) hi()[i] = h;
    }

    void set(int i, BigInteger x) {
        if (U128.fits(x)) {
            if (big != null) big.remove(i);
            lo[i] = x.longValue();
            long h = U128.hiOf(x);
            if (h != 0 || hi != null) hi()[i] = h;
        } else {
            lo[i] = 0;
            if (hi != null) hi[i] = 0;
            if (big == null) big = new HashMap<>();
            big.put(i, x);
        }
    }

    /** Adds (h, l), a value below 2^127. */
    void add(int i, long h, long l) {
        if (!isBig(i)) {
            long a = lo[i], ah = hi(i);
            long s = a + l;
            long sh = ah + h + (Long.compareUnsigned(s, a) < 0 ? 1 : 0);
            if (sh >= 0) { // still below 2^127
                lo[i] = s;
                if (sh != 0 || ah != 0) hi()[i] = sh;
                return;
            }
        }
        set(i, get(i).add(U128.toBig(h, l)));
    }

    void add(int i, BigInteger x) {
        if (U128.fits(x)) add(i, U128.hiOf(x), x.longValue());
        else set(i, get(i).add(x));
    }

    private long[] hi() {
        if (hi == null) hi = new long[lo.length];
        return hi;
    }
}
