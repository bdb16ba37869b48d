package dev.fundtrace.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Durations as a reader says them: "1 hour", "2 days 6 hours", not ISO-8601's PT1H. */
public final class Durations {

    private Durations() {}

    public static String inWords(Duration d) {
        if (d.isZero()) return "0 seconds";
        List<String> parts = new ArrayList<>();
        part(parts, d.toDaysPart(), "day");
        part(parts, d.toHoursPart(), "hour");
        part(parts, d.toMinutesPart(), "minute");
        part(parts, d.toSecondsPart(), "second");
        return String.join(" ", parts);
    }

    /** {@code value} in words when it is an ISO-8601 duration ("PT1H"), else as it is. */
    public static String inWordsIfDuration(String value) {
        if (value == null || !value.startsWith("P")) return value;
        try {
            return inWords(Duration.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static void part(List<String> parts, long n, String unit) {
        if (n != 0) parts.add(n + " " + unit + (n == 1 ? "" : "s"));
    }
}
