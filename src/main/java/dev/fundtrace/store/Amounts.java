package dev.fundtrace.store;

import java.math.BigDecimal;

/** Amounts as fundtrace writes them in reports: the stored NUMERIC values in plain text. */
public final class Amounts {

    private Amounts() {}

    /** Plain decimal with at least one fractional digit, trailing zeros trimmed: "5000000000000000000.0". */
    public static String plain(BigDecimal v) {
        // on the text, not with BigDecimal arithmetic: this runs for every exposure of a large trace
        String p = v.toPlainString();
        if (p.indexOf('.') < 0) return p + ".0";
        int end = p.length();
        while (p.charAt(end - 1) == '0') end--;
        return p.charAt(end - 1) == '.' ? p.substring(0, end) + "0" : p.substring(0, end);
    }
}
