package dev.fundtrace.ledger.rpc;

import dev.fundtrace.jobfile.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.Request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #3, point 2, against the real node behind a misbehaving loopback proxy. */
@ExtendWith(AnvilExtension.class)
class RpcClientResilienceFunctionalTests {
    FlakyProxy proxy;
    Anvil anvil;

    @BeforeEach
    void start(Anvil anvil) throws Exception {
        this.anvil = anvil;
        if (anvil.blockNumber() < 30) anvil.mine(30);
        proxy = new FlakyProxy(anvil.url());
    }

    @AfterEach
    void stop() throws Exception { proxy.close(); }

    static JobDefinition.Rpc options(int batchSize, int maxInFlight, double rps, int maxRetries, Duration timeout) {
        return new JobDefinition.Rpc(batchSize, maxInFlight, rps, maxRetries, timeout, 10_000, true);
    }

    RpcClient client(JobDefinition.Rpc o) { return new RpcClient(proxy.url(), o, 100, 2_000); }

    @Test
    void timeoutIsRetried() {
        proxy.stallMillis = 2500;
        proxy.script.add(FlakyProxy.Fault.STALL);
        try (RpcClient c = client(options(10, 2, 100, 3, Duration.ofSeconds(1)))) {
            assertEquals(anvil.blockNumber(), NodeRecords.quantity(c.call(c.json("eth_blockNumber")).getResult()));
            assertEquals(1, c.retries());
        }
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        proxy.script.add(FlakyProxy.Fault.TOO_MANY);
        try (RpcClient c = client(options(10, 2, 100, 3, Duration.ofSeconds(5)))) {
            long t0 = System.nanoTime();
            c.call(c.json("eth_blockNumber"));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 900, "waited only " + millis + " ms despite Retry-After: 1");
            assertEquals(2, proxy.requests.get());
        }
    }

    @Test
    void connectionDroppedMidBatchIsRetriedAndMatchedById() {
        proxy.script.add(FlakyProxy.Fault.DROP);
        try (RpcClient c = client(options(20, 2, 100, 3, Duration.ofSeconds(5)))) {
            List<JsonResponse> rs = c.batch(blocks(c, 20));
            for (int i = 0; i < 20; i++) assertEquals(i, NodeRecords.quantity(rs.get(i).getResult().get("number")));
            assertEquals(2, proxy.requests.get());
            assertEquals(1, c.retries());
        }
    }

    @Test
    void outOfOrderBatchRepliesAreMatchedById() {
        proxy.always = FlakyProxy.Fault.REVERSE;
        try (RpcClient c = client(options(10, 2, 100, 3, Duration.ofSeconds(5)))) {
            List<JsonResponse> rs = c.batch(blocks(c, 25));
            for (int i = 0; i < 25; i++) assertEquals(i, NodeRecords.quantity(rs.get(i).getResult().get("number")));
            assertEquals(3, proxy.requests.get()); // 10 + 10 + 5
        }
    }

    @Test
    void budgetExhaustedFailsClearlyWithoutTheKey() {
        proxy.always = FlakyProxy.Fault.SERVER_ERROR;
        String secretUrl = "http://user:pa55@127.0.0.1:" + proxy.port() + "/v3/9aa3d95b3bc440fa88ea12eaa4456161?apikey=s3cr3t";
        try (RpcClient c = new RpcClient(secretUrl, options(10, 2, 100, 2, Duration.ofSeconds(5)), 50, 200)) {
            RpcException e = assertThrows(RpcException.class, () -> c.call(c.json("eth_blockNumber")));
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
            assertTrue(e.getMessage().contains("http://***@127.0.0.1:" + proxy.port() + "/v3/***?***"), e.getMessage());
            for (String secret : List.of("9aa3d95b", "s3cr3t", "pa55")) assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertEquals(3, proxy.requests.get());
        }
        // the same through the gatherer
        GatherRequest req = new GatherRequest(secretUrl, Set.of(Anvil.ira().get(0)), Set.of(), 1, 0, "latest", 0,
                options(10, 2, 100, 1, Duration.ofSeconds(5)), null, null);
        RpcException e = assertThrows(RpcException.class, () -> new RpcLedgerGatherer().gather(req));
        assertFalse(e.getMessage().contains("9aa3d95b") || e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void inFlightCapAndRateLimit() {
        proxy.always = FlakyProxy.Fault.SLOW;
        try (RpcClient c = client(options(1, 2, 1000, 0, Duration.ofSeconds(5)))) {
            c.batch(blocks(c, 20));
            assertTrue(proxy.maxActive.get() <= 2, "max in flight " + proxy.maxActive.get());
            assertEquals(20, proxy.requests.get());
        }
        proxy.always = FlakyProxy.Fault.NONE;
        try (RpcClient c = client(options(1, 8, 20, 0, Duration.ofSeconds(5)))) {
            long t0 = System.nanoTime();
            c.batch(blocks(c, 11));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 450, "11 requests at 20/s took only " + millis + " ms");
        }
    }

    static List<Request<Object, JsonResponse>> blocks(RpcClient c, int n) {
        List<Request<Object, JsonResponse>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(c.json("eth_getBlockByNumber", "0x" + Integer.toHexString(i), false));
        return out;
    }
}
