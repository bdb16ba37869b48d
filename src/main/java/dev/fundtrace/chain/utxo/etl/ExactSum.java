package dev.fundtrace.chain.utxo.etl;

import java.math.BigInteger;

/** A sum of non-negative longs that stays exact past 2^63 (Dogecoin's totals get there). */
final class ExactSum {
    private long small;
    private BigInteger big;

    void add(long v) {
        if (big == null) {
            long r = small + v;
            if (r >= 0) { small = r; return; }
            big = BigInteger.valueOf(small);
        }
        big = big.add(BigInteger.valueOf(v));
    }

    void add(ExactSum other) {
        if (other.big == null) add(other.small);
        else add(other.big);
    }

    /** Adds {@code a - b}, which is not negative. */
    void addDifference(ExactSum a, ExactSum b) {
        if (a.big == null && b.big == null) add(a.small - b.small);
        else add(a.value().subtract(b.value()));
    }

    void clear() {
        small = 0;
        big = null;
    }

    void add(BigInteger v) {
        if (v.bitLength() < 63) { add(v.longValue()); return; }
        big = value().add(v);
    }

    BigInteger value() {
        return big == null ? BigInteger.valueOf(small) : big;
    }

    int compareTo(ExactSum other) {
        if (big == null && other.big == null) return Long.compare(small, other.small);
        return value().compareTo(other.value());
    }
}
