package dev.fundtrace.trace.coin;

import java.math.BigInteger;

/**
 * One exact sum per address of coin amounts (each below 2^63): a long each, with a carry column that exists only once
 * some sum passes 2^64 (a Dogecoin-sized total could).
 */
final class AddressSums {

    private final long[] lo;
    private long[] carries;

    AddressSums(int addresses) {
        lo = new long[addresses];
    }

    void add(int address, long v) {
        long s = lo[address] + v;
        if (Long.compareUnsigned(s, v) < 0) {
            if (carries == null) carries = new long[lo.length];
            carries[address]++;
        }
        lo[address] = s;
    }

    BigInteger get(int address) {
        return Unsigned.toBig(carries == null ? 0 : carries[address], lo[address]);
    }
}
