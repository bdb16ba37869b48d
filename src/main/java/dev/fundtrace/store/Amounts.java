package dev.fundtrace.store;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts as fundtrace writes them in reports: the stored NUMERIC values in plain text. */
public final class Amounts {

    private Amounts() {}

    /**
     * A stored raw amount as the reports write it: an integer string, "5000000000000000000" (the column's scale
     * adds zeros, which are dropped). A fraction, from a run made before taint was exact, is kept as stored,
     * trailing zeros trimmed.
     */
    public static String plain(BigDecimal v) {
        // on the text, not with BigDecimal arithmetic: this runs for every exposure of a large trace
        String p = v.toPlainString();
        int dot = p.indexOf('.');
        if (dot < 0) return p;
        int end = p.length();
        while (p.charAt(end - 1) == '0') end--;
        return p.substring(0, p.charAt(end - 1) == '.' ? end - 1 : end);
    }

    /** A raw amount as the reports write it: an integer string. */
    public static String plain(BigInteger v) {
        return v.toString();
    }
}
