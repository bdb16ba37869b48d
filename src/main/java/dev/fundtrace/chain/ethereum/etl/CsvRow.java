package dev.fundtrace.chain.ethereum.etl;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * One row of a CSV file as byte ranges into the read buffer: no String per field, which is what makes loading
 * ten million rows cheap. Quoted fields are unwrapped (doubled quotes inside are left as they are: the
 * ethereum-etl columns read here never contain quotes).
 */
public final class CsvRow {
    byte[] buf;
    final int[] start = new int[64];
    final int[] end = new int[64];
    int fields;
    long line;

    public long line() { return line; }

    public int fields() { return fields; }

    public boolean isEmpty(int i) {
        return i >= fields || start[i] == end[i];
    }

    public String string(int i) {
        return i >= fields ? "" : new String(buf, start[i], end[i] - start[i], StandardCharsets.UTF_8);
    }

    /** The whole row as text, for rejected.csv. */
    public String text() {
        if (fields == 0) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            if (i > 0) sb.append(',');
            sb.append(string(i));
        }
        return sb.toString();
    }

    /** A non-negative decimal integer that fits a long, or -1 when the field is not one. */
    public long longValue(int i) {
        if (i >= fields) return -1;
        int s = start[i], e = end[i];
        if (e == s || e - s > 19) return -1; // 19 digits: 1 to 9.2 ETH in wei, common enough to keep off BigInteger
        long v = 0;
        for (int p = s; p < e; p++) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        // up to 19 digits is below 2^64: a value beyond a long has wrapped to a negative one, and nothing else has
        return v < 0 ? -1 : v;
    }

    /** Field length in bytes. */
    public int length(int i) { return i >= fields ? 0 : end[i] - start[i]; }

    /** True when the field holds only decimal digits (a uint, possibly beyond a long). */
    public boolean isDigits(int i) {
        if (isEmpty(i)) return false;
        for (int p = start[i]; p < end[i]; p++) if (buf[p] < '0' || buf[p] > '9') return false;
        return true;
    }

    /** A decimal field as a BigInteger; up to 36 digits in two 18-digit halves, without a String. */
    public BigInteger bigInteger(int i) {
        int s = start[i], e = end[i];
        if (e - s > 36 || e - s <= 18) return new BigInteger(string(i));
        int split = e - 18;
        return BigInteger.valueOf(digits(s, split)).multiply(E18).add(BigInteger.valueOf(digits(split, e)));
    }

    private static final BigInteger E18 = BigInteger.TEN.pow(18);

    private long digits(int from, int to) {
        long v = 0;
        for (int p = from; p < to; p++) v = v * 10 + (buf[p] - '0');
        return v;
    }

    /** Parses a 0x-hex field of n bytes into out; false when malformed. */
    public boolean hex(int i, byte[] out, int off, int n) {
        return i < fields && dev.fundtrace.ledger.store.Hex.parse(buf, start[i], end[i], out, off, n);
    }

    public boolean equalsAscii(int i, String s) {
        if (i >= fields || end[i] - start[i] != s.length()) return false;
        for (int k = 0; k < s.length(); k++) if (buf[start[i] + k] != s.charAt(k)) return false;
        return true;
    }
}
