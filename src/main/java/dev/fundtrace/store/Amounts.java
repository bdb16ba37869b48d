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

    /**
     * An exposure as the reports write it. A UTXO chain's row (the one with coin evidence) also states the amount in
     * the chain's display units (utxo.md); an account chain's row does not, as before.
     */
    public static dev.fundtrace.report.RunReport.ExposureRow exposureRow(String direction, String chain, String asset,
            String address, int hops, String taintedAmountRaw, String seed, String label, String category,
            java.util.List<String> evidence) {
        String display = evidence == null ? null
                : dev.fundtrace.report.CsvReportWriter.display(taintedAmountRaw, dev.fundtrace.ledger.Chain.fromId(chain).nativeDecimals());
        return new dev.fundtrace.report.RunReport.ExposureRow(direction, chain, asset, address, hops, taintedAmountRaw,
                seed, label, category, display, evidence);
    }
}
