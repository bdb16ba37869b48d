package dev.fundtrace.trace.coin;

import java.math.BigInteger;

/** Unsigned 64- and 128-bit values held in longs: exact conversion and order. */
final class Unsigned {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Unsigned() {}

    static BigInteger toBig(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    static BigInteger toBig(long hi, long lo) {
        return hi == 0 ? toBig(lo) : toBig(hi).shiftLeft(64).add(toBig(lo));
    }

    /** Order of unsigned 128-bit values held as (hi, lo). */
    static int compare(long ah, long al, long bh, long bl) {
        return ah != bh ? Long.compareUnsigned(ah, bh) : Long.compareUnsigned(al, bl);
    }
}
