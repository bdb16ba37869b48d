package dev.fundtrace.batch;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records done so far in a long step, as a progress line: count, rate and, when the total is known (an estimate),
 * the share done and the time left. Thread-safe: the loaders' threads add to it while the heartbeat reads it.
 */
final class ProgressCount {

    private final String what;
    private final String unit;
    private final long expected;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();

    /** @param expected the records expected, or 0 when not known */
    ProgressCount(String what, String unit, long expected) {
        this(what, unit, expected, System.nanoTime());
    }

    ProgressCount(String what, String unit, long expected, long startNanos) {
        this.what = what;
        this.unit = unit;
        this.expected = expected;
        this.startNanos = startNanos;
    }

    void add(long records) {
        done.addAndGet(records);
    }

    String line() {
        return line(System.nanoTime());
    }

    /** {@code ethereum export: 1,200,000 of about 4,000,000 rows (30%), 400,000/s, about 7 s left} */
    String line(long nowNanos) {
        long d = done.get();
        double seconds = Math.max((nowNanos - startNanos) / 1e9, 1e-3);
        double rate = d / seconds;
        StringBuilder sb = new StringBuilder(what).append(": ").append(String.format(Locale.ROOT, "%,d", d));
        if (expected > 0) {
            long total = Math.max(expected, d);
            sb.append(String.format(Locale.ROOT, " of about %,d %s (%d%%)", total, unit, Math.min(99, d * 100 / total)));
        } else {
            sb.append(' ').append(unit);
        }
        sb.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
        if (expected > d && rate > 0) sb.append(", about ").append(Console.duration((expected - d) / rate)).append(" left");
        else sb.append(", ").append(Console.duration(seconds)).append(" so far");
        return sb.toString();
    }
}
