package dev.fundtrace.trace;

import java.math.BigInteger;

/**
 * Exact unsigned integer arithmetic on 128-bit values held as two longs {@code (hi, lo)}, for the haircut pass:
 * no allocation, no floating point. The pass keeps values below 2^127 here (so {@code hi >= 0}) and moves
 * anything larger to BigInteger.
 *
 * <p>{@link #mulDiv} computes {@code floor(y·T / B)} for the haircut share: the product is formed exactly (up to
 * 256 bits) and divided by schoolbook long division in base 2^64 (Knuth, TAOCP vol. 2, 4.3.1, algorithm D),
 * whose one-digit steps use {@link #divlu}, a 128-by-64-bit division (Hacker's Delight, 9-3).
 * An instance holds the result of the last {@code mulDiv}; one per pass, not shared between threads.
 * {@link #divlu} is public: the coin trace's haircut (trace.coin) divides 128-bit products by 64-bit totals.
 */
public final class U128 {

    /** Values below this many bits are held as (hi, lo); at or above it, as BigInteger. */
    static final int BITS = 127;

    private static final long B32 = 1L << 32;
    private static final long M32 = 0xffff_ffffL;

    /** The last {@link #mulDiv} result. */
    long hi, lo;
    /** Remainder of the last {@link #step}. */
    private long r1, r0;

    /**
     * {@code floor((u1·2^64 + u0) / v)}, all unsigned. Requires {@code u1 < v} (unsigned), so that the quotient
     * fits 64 bits; {@code v != 0}.
     */
    public static long divlu(long u1, long u0, long v) {
        if (u1 == 0) return Long.divideUnsigned(u0, v);
        int s = Long.numberOfLeadingZeros(v);
        v <<= s;
        long vn1 = v >>> 32, vn0 = v & M32;
        long un32 = s == 0 ? u1 : (u1 << s) | (u0 >>> (64 - s));
        long un10 = u0 << s;
        long un1 = un10 >>> 32, un0 = un10 & M32;

        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (q1 >= B32 || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0) {
            q1--;
            rhat += vn1;
            if (rhat >= B32) break;
        }
        long un21 = (un32 << 32) + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 >= B32 || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0) {
            q0--;
            rhat += vn1;
            if (rhat >= B32) break;
        }
        return (q1 << 32) | q0;
    }

    /**
     * {@code floor(y·T / B)} into {@link #hi}/{@link #lo}, for {@code 0 <= y < B}, {@code 0 <= T <= B} and
     * {@code B < 2^127}: then the quotient is at most y and fits as well.
     */
    void mulDiv(long yh, long yl, long th, long tl, long bh, long bl) {
        if (bh == 0) { // B < 2^64, so are y and T: a 128-bit product over a 64-bit divisor
            hi = 0;
            lo = divlu(Math.unsignedMultiplyHigh(yl, tl), yl * tl, bl);
            return;
        }
        // P = y·T, four limbs p3..p0 (below 2^254)
        long p0 = yl * tl;
        long p1 = Math.unsignedMultiplyHigh(yl, tl);
        long x = yl * th, xh = Math.unsignedMultiplyHigh(yl, th);
        long s1 = p1 + x;
        long p2 = xh + (Long.compareUnsigned(s1, x) < 0 ? 1 : 0); // xh <= 2^64 - 2: no carry out
        p1 = s1;
        x = yh * tl;
        xh = Math.unsignedMultiplyHigh(yh, tl);
        s1 = p1 + x;
        long c = Long.compareUnsigned(s1, x) < 0 ? 1 : 0;
        p1 = s1;
        long s2 = p2 + xh;
        long p3 = Long.compareUnsigned(s2, xh) < 0 ? 1 : 0;
        p2 = s2 + c;
        if (c != 0 && p2 == 0) p3++;
        x = yh * th;
        xh = Math.unsignedMultiplyHigh(yh, th);
        s2 = p2 + x;
        p3 += xh + (Long.compareUnsigned(s2, x) < 0 ? 1 : 0);
        p2 = s2;
        // normalise: shift B (and P) left until B's top bit is set; B >= 2^64 and < 2^127, so 1 <= sh <= 63
        int sh = Long.numberOfLeadingZeros(bh);
        int rs = 64 - sh;
        long b1 = (bh << sh) | (bl >>> rs), b0 = bl << sh;
        long n3 = (p3 << sh) | (p2 >>> rs), n2 = (p2 << sh) | (p1 >>> rs), n1 = (p1 << sh) | (p0 >>> rs), n0 = p0 << sh;
        // the quotient is below 2^127, so (n4 = 0, n3, n2) < (b1, b0): two quotient digits
        long q1 = step(n3, n2, n1, b1, b0);
        long q0 = step(r1, r0, n0, b1, b0);
        hi = q1;
        lo = q0;
    }

    /**
     * One digit of algorithm D: {@code floor((u2, u1, u0) / (b1, b0))} for a normalised divisor (top bit of
     * {@code b1} set) and {@code (u2, u1) < (b1, b0)}; leaves the remainder in {@link #r1}/{@link #r0}.
     */
    private long step(long u2, long u1, long u0, long b1, long b0) {
        // estimate from the top digits: at most two too large (Knuth's theorem B)
        long q = Long.compareUnsigned(u2, b1) >= 0 ? -1L : divlu(u2, u1, b1);
        // x = q·(b1, b0), three limbs
        long x0 = q * b0, x0h = Math.unsignedMultiplyHigh(q, b0);
        long x1 = q * b1, x2 = Math.unsignedMultiplyHigh(q, b1);
        x1 += x0h;
        if (Long.compareUnsigned(x1, x0h) < 0) x2++;
        while (compare3(x2, x1, x0, u2, u1, u0) > 0) {
            q--;
            long borrow0 = Long.compareUnsigned(x0, b0) < 0 ? 1 : 0;
            x0 -= b0;
            long borrow1 = Long.compareUnsigned(x1, b1) < 0 || (x1 == b1 && borrow0 != 0) ? 1 : 0;
            x1 = x1 - b1 - borrow0;
            x2 -= borrow1;
        }
        long borrow = Long.compareUnsigned(u0, x0) < 0 ? 1 : 0;
        r0 = u0 - x0;
        r1 = u1 - x1 - borrow;
        return q;
    }

    private static int compare3(long a2, long a1, long a0, long b2, long b1, long b0) {
        if (a2 != b2) return Long.compareUnsigned(a2, b2);
        if (a1 != b1) return Long.compareUnsigned(a1, b1);
        return Long.compareUnsigned(a0, b0);
    }

    /** Compares two values held as (hi, lo) with non-negative hi. */
    static int compare(long ah, long al, long bh, long bl) {
        return ah != bh ? Long.compare(ah, bh) : Long.compareUnsigned(al, bl);
    }

    /** The value (hi, lo) as a BigInteger. */
    static BigInteger toBig(long hi, long lo) {
        if (hi == 0 && lo >= 0) return BigInteger.valueOf(lo);
        BigInteger low = BigInteger.valueOf(lo >>> 1).shiftLeft(1).or(BigInteger.valueOf(lo & 1));
        return BigInteger.valueOf(hi).shiftLeft(64).or(low);
    }

    /** True when x (non-negative) fits (hi, lo) as this class keeps them: below 2^127. */
    static boolean fits(BigInteger x) {
        return x.bitLength() <= BITS;
    }

    /** The high limb of a non-negative x that {@link #fits}. */
    static long hiOf(BigInteger x) {
        return x.bitLength() <= 63 ? 0 : x.shiftRight(64).longValue();
    }
}
