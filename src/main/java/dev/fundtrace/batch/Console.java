package dev.fundtrace.batch;

import java.util.Locale;

/** Progress for operators, on standard error (standard output stays clean for the summary). */
public final class Console {
    private Console() {}

    public static void progress(String step, String message) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", step, message);
    }

    public static String rate(long records, long nanos) {
        double s = Math.max(nanos / 1e9, 1e-6);
        return String.format(Locale.ROOT, "%,d in %.2f s (%,.0f/s)", records, s, records / s);
    }
}
