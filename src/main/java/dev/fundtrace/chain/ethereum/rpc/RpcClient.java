package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.jobfile.JobDefinition;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON-RPC endpoint behind web3j, made polite by {@link PoliteInterceptor}. Batches are cut at
 * {@code batchSize}, sent concurrently (at most {@code maxInFlight} on the wire), and their responses are matched
 * to requests by JSON-RPC id, never by position. Every message names the endpoint only through {@link RedactedUrl}.
 */
public final class RpcClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RpcClient.class);

    private final String url;
    private final String redacted;
    private final JobDefinition.Rpc options;
    private final HttpService service;
    private final Web3j web3j;
    private final PoliteInterceptor polite;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong rpcCalls = new AtomicLong();
    private final AtomicLong httpRequests = new AtomicLong();

    public RpcClient(String url, JobDefinition.Rpc options) {
        this(url, options, 250, 10_000);
    }

    RpcClient(String url, JobDefinition.Rpc options, long baseBackoffMillis, long maxBackoffMillis) {
        this.url = url;
        this.redacted = RedactedUrl.of(url);
        this.options = options;
        this.polite = new PoliteInterceptor(options.maxInFlight(), options.requestsPerSecond(), options.maxRetries(),
                baseBackoffMillis, maxBackoffMillis);
        Duration t = options.timeout() == null ? Duration.ofSeconds(60) : options.timeout();
        // not HttpService.getOkHttpClientBuilder(): its debug logging interceptor would print the raw URL
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(t).readTimeout(t).writeTimeout(t)
                .retryOnConnectionFailure(false) // retries are ours, counted against maxRetries
                .addInterceptor(polite)
                .build();
        http.dispatcher().setMaxRequestsPerHost(Math.max(5, options.maxInFlight()));
        this.service = new HttpService(url, http);
        this.web3j = Web3j.build(service);
    }

    public Web3j web3j() { return web3j; }

    public String redactedUrl() { return redacted; }

    public JobDefinition.Rpc options() { return options; }

    /** JSON-RPC calls made so far (each batch item counts). */
    public long rpcCalls() { return rpcCalls.get(); }

    /** HTTP requests that reached the wire, retries included. */
    public long httpAttempts() { return polite.attempts.get(); }

    public long retries() { return polite.retries.get(); }

    /** A request whose result is kept as a JSON tree. */
    public Request<Object, JsonResponse> json(String method, Object... params) {
        return new Request<>(method, Arrays.asList(params), service, JsonResponse.class);
    }

    /** Sends one request. JSON-RPC errors are returned in the response, transport failures throw. */
    public <T extends Response<?>> T send(Request<?, T> request) {
        rpcCalls.incrementAndGet();
        httpRequests.incrementAndGet();
        try {
            return request.send();
        } catch (IOException | RuntimeException e) {
            throw failure(request.getMethod(), e);
        }
    }

    /** Sends one request and returns its result, throwing on a JSON-RPC error. */
    public <T extends Response<?>> T call(Request<?, T> request) {
        T r = send(request);
        if (r.hasError()) throw error(request.getMethod(), r.getError());
        return r;
    }

    /**
     * Sends requests as JSON-RPC batches of at most {@code batchSize}, concurrently, and returns the responses in
     * request order. With batch size 1 every request goes alone.
     */
    public <T extends Response<?>> List<T> batch(List<? extends Request<?, T>> requests) {
        if (requests.isEmpty()) return List.of();
        int size = Math.max(1, options.batchSize());
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int i = 0; i < requests.size(); i += size) {
            List<? extends Request<?, T>> chunk = requests.subList(i, Math.min(requests.size(), i + size));
            futures.add(pool.submit(() -> sendChunk(chunk)));
        }
        List<T> out = new ArrayList<>(requests.size());
        for (Future<List<T>> f : futures) {
            try {
                out.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new RpcException("interrupted while waiting for " + redacted);
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                if (e.getCause() instanceof RpcException re) throw re;
                throw failure("batch", e.getCause());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T extends Response<?>> List<T> sendChunk(List<? extends Request<?, T>> chunk) {
        if (chunk.size() == 1) return List.of(send(chunk.get(0)));
        BatchRequest b = web3j.newBatch();
        for (Request<?, T> r : chunk) b.add(r);
        rpcCalls.addAndGet(chunk.size());
        httpRequests.incrementAndGet();
        BatchResponse br;
        try {
            br = b.send();
        } catch (IOException e) {
            throw failure(chunk.get(0).getMethod() + " batch of " + chunk.size(), e);
        } catch (RuntimeException e) {
            // a single error object instead of an array (some providers on rate limits): go one by one
            log.warn("{}: batch of {} answered with a non-batch reply ({}); sending the requests one by one",
                    redacted, chunk.size(), RedactedUrl.scrub(String.valueOf(e.getMessage()), url));
            List<T> out = new ArrayList<>();
            for (Request<?, T> r : chunk) out.add(send(r));
            return out;
        }
        Map<Long, Response<?>> byId = new HashMap<>();
        for (Response<?> r : br.getResponses()) byId.put(r.getId(), r);
        List<T> out = new ArrayList<>(chunk.size());
        for (Request<?, T> r : chunk) {
            Response<?> resp = byId.get(r.getId());
            if (resp == null) {
                log.warn("{}: batch reply had no answer for id {} ({}); asking again alone", redacted, r.getId(), r.getMethod());
                resp = send(r);
            }
            out.add((T) resp);
        }
        return out;
    }

    RpcException failure(String what, Throwable e) {
        String msg = e == null ? "unknown failure" : e.getMessage();
        // no cause attached: transport exceptions may carry the raw URL
        return new RpcException("JSON-RPC " + what + " to " + redacted + " failed: " + RedactedUrl.scrub(msg, url));
    }

    RpcException error(String what, Response.Error e) {
        return new RpcException("JSON-RPC " + what + " to " + redacted + " answered error " + e.getCode() + ": "
                + RedactedUrl.scrub(e.getMessage(), url), e.getCode(), null);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        web3j.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
