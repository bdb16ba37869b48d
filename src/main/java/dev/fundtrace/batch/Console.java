package dev.fundtrace.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Progress for operators, on standard error (standard output stays clean for the summary). */
public final class Console {
    private Console() {}

    public static void progress(String step, String message) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", step, message);
    }

    /** {@code 5,026 transfers in 0.08 s (62,825/s)} */
    public static String rate(long records, String unit, long nanos) {
        double s = Math.max(nanos / 1e9, 1e-6);
        return String.format(Locale.ROOT, "%,d %s in %.2f s (%,.0f/s)", records, unit, s, records / s);
    }

    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** {@code 1 seed}, {@code 23 seeds} */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** A time span for a person: {@code 40 s}, {@code 3 min}, {@code 1 h 20 min}. */
    static String duration(double seconds) {
        if (seconds < 0.5) return "under 1 s";
        long s = Math.round(seconds);
        if (s < 90) return s + " s";
        long minutes = Math.round(seconds / 60);
        if (minutes < 90) return minutes + " min";
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** A raw integer amount in its asset's display units with its symbol: {@code 1.5 ETH}. */
    static String amount(BigInteger raw, int decimals, String symbol) {
        if (decimals < 0) return raw + " base units of " + symbol + " (its decimals are unknown)";
        BigDecimal display = new BigDecimal(raw, decimals).stripTrailingZeros();
        return (display.scale() < 0 ? display.setScale(0) : display).toPlainString() + " " + symbol;
    }
}
