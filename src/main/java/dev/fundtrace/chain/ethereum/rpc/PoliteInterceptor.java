package dev.fundtrace.chain.ethereum.rpc;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The politeness layer under web3j: a request rate limit, a cap on requests in flight, and retries with
 * exponential back-off (honouring {@code Retry-After}) on I/O errors, timeouts, HTTP 429 and 5xx. The body is
 * read inside the interceptor so that a connection dropped mid-response is retried too. After the budget the
 * call fails with {@link RetriesExhausted}.
 */
final class PoliteInterceptor implements Interceptor {

    /** Thrown after the last retry; an IOException so that OkHttp and web3j pass it through unchanged. */
    static final class RetriesExhausted extends IOException {
        RetriesExhausted(String message, Throwable cause) { super(message, cause); }
    }

    private final Semaphore inFlight;
    private final long intervalNanos;
    private final int maxRetries;
    private final long baseBackoffMillis;
    private final long maxBackoffMillis;
    private final Object rateLock = new Object();
    private long nextSlot;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retries = new AtomicLong();

    PoliteInterceptor(int maxInFlight, double requestsPerSecond, int maxRetries, long baseBackoffMillis, long maxBackoffMillis) {
        this.inFlight = new Semaphore(Math.max(1, maxInFlight), true);
        this.intervalNanos = requestsPerSecond > 0 ? (long) (1e9 / requestsPerSecond) : 0;
        this.maxRetries = Math.max(0, maxRetries);
        this.baseBackoffMillis = baseBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String last = null;
        IOException lastError = null;
        for (int attempt = 0; ; attempt++) {
            long waitMillis = -1;
            acquireRateSlot();
            acquireInFlight();
            attempts.incrementAndGet();
            try {
                Response r = chain.proceed(chain.request());
                int code = r.code();
                if (code == 429 || code >= 500) {
                    waitMillis = retryAfterMillis(r.header("Retry-After"));
                    last = "HTTP " + code;
                    lastError = null;
                    r.close();
                } else {
                    ResponseBody body = r.body();
                    byte[] bytes = body == null ? new byte[0] : body.bytes(); // a drop mid-body throws here and is retried
                    return r.newBuilder().body(ResponseBody.create(bytes, body == null ? null : body.contentType())).build();
                }
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) throw e;
                last = "timeout (" + e.getMessage() + ")";
                lastError = e;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastError = e;
            } finally {
                inFlight.release();
            }
            if (attempt >= maxRetries) {
                throw new RetriesExhausted("gave up after " + (attempt + 1) + " attempts (maxRetries " + maxRetries
                        + "); last failure: " + last, lastError);
            }
            retries.incrementAndGet();
            sleep(waitMillis >= 0 ? waitMillis : backoff(attempt));
        }
    }

    long backoff(int attempt) {
        long exp = baseBackoffMillis << Math.min(attempt, 20);
        long capped = Math.min(maxBackoffMillis, exp);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private long retryAfterMillis(String header) {
        if (header == null) return -1;
        try {
            long seconds = Long.parseLong(header.trim());
            return Math.min(Math.max(0, seconds), 120) * 1000;
        } catch (NumberFormatException e) {
            return -1; // HTTP-date form: fall back to our own back-off
        }
    }

    private void acquireRateSlot() throws InterruptedIOException {
        if (intervalNanos == 0) return;
        long wait;
        synchronized (rateLock) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    private void acquireInFlight() throws InterruptedIOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free request slot");
        }
    }

    private static void sleep(long millis) throws InterruptedIOException { sleep(millis, 0); }

    private static void sleep(long millis, int nanos) throws InterruptedIOException {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during back-off");
        }
    }
}
