package dev.fundtrace.batch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * While a long piece of work runs, one progress line every few seconds (what it has done so far), so that an
 * operator watching a large night sees it move. Work that ends within the first interval prints nothing.
 * The interval is {@code -Dfundtrace.progress-seconds} (default 5).
 */
final class Heartbeat implements AutoCloseable {

    private static final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fundtrace-progress");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> beat;
    private boolean closed;

    private Heartbeat(String step, Supplier<String> status, long intervalMillis) {
        beat = ticker.scheduleAtFixedRate(() -> {
            synchronized (this) {
                if (!closed) Console.progress(step, status.get());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    static Heartbeat start(String step, Supplier<String> status) {
        return new Heartbeat(step, status, intervalMillis());
    }

    static long intervalMillis() {
        String s = System.getProperty("fundtrace.progress-seconds");
        double seconds = s == null ? 5 : Double.parseDouble(s);
        return Math.max(10, (long) (seconds * 1000));
    }

    @Override
    public void close() {
        // no line after the work's own last line: a beat in progress finishes before close returns
        synchronized (this) {
            closed = true;
        }
        beat.cancel(false);
    }
}
