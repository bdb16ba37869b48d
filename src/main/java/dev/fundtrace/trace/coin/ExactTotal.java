package dev.fundtrace.trace.coin;

import java.math.BigInteger;

/** A running sum of unsigned 64-bit amounts, exact up to 2^128, without allocating per addition. */
final class ExactTotal {

    private long hi, lo;
    private BigInteger big = BigInteger.ZERO; // the rare parts too wide for a long (over 2^64 in one transaction)

    /** Adds {@code v} read as unsigned. */
    void addUnsigned(long v) {
        lo += v;
        if (Long.compareUnsigned(lo, v) < 0) hi++;
    }

    void add(BigInteger v) {
        big = big.add(v);
    }

    BigInteger value() {
        return Unsigned.toBig(hi, lo).add(big);
    }
}
