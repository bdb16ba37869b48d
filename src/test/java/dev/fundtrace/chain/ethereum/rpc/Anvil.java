package dev.fundtrace.chain.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A running Anvil process on a free loopback port, with the RPC helpers the tests need. */
public final class Anvil implements AutoCloseable {
    public static final String DEV0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    private Anvil(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
    }

    public static Anvil start(String... extraArgs) {
        String bin = System.getProperty("anvil.bin");
        if (bin == null || !Files.isExecutable(Path.of(bin))) {
            throw new IllegalStateException("Anvil binary not found (system property anvil.bin = " + bin + "). "
                    + "Run the tests through Maven, which installs @foundry-rs/anvil-linux-amd64 from npm in the "
                    + "generate-test-resources phase (do not pass -DskipAnvilInstall=true), or set -Danvil.bin=/path/to/anvil.");
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
            Path logFile = Files.createTempFile("anvil-" + port + "-", ".log");
            logFile.toFile().deleteOnExit(); // kept while the tests run, for a node that misbehaves
            List<String> cmd = new java.util.ArrayList<>(List.of(bin, "--host", "127.0.0.1", "--port", String.valueOf(port), "--silent"));
            cmd.addAll(List.of(extraArgs));
            // Anvil keeps the states it pages out under $HOME/.foundry/anvil/tmp (gigabytes per node) and leaves
            // them behind when it is stopped: each node gets a home of its own, deleted when the node is closed
            Path home = Files.createTempDirectory("anvil-home-");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
            pb.environment().put("HOME", home.toString());
            Process p = pb.start();
            Anvil a = new Anvil(p, port, home);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    a.call("eth_blockNumber");
                    return a;
                } catch (RuntimeException e) {
                    if (!p.isAlive()) throw new IllegalStateException("Anvil exited with " + p.exitValue() + ": " + Files.readString(logFile));
                    if (System.nanoTime() > deadline) { p.destroyForcibly(); throw new IllegalStateException("Anvil did not answer on port " + port); }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Anvil: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() { return "http://127.0.0.1:" + port; }

    public int port() { return port; }

    /** Calls a method and returns its result; throws on a JSON-RPC error. */
    public JsonNode call(String method, Object... params) {
        try {
            Map<String, Object> body = new HashMap<>();
            body.put("jsonrpc", "2.0");
            body.put("id", ids.incrementAndGet());
            body.put("method", method);
            body.put("params", Arrays.asList(params));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(60))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body());
            if (n.has("error")) throw new IllegalStateException(method + ": " + n.get("error"));
            return n.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long blockNumber() { return NodeRecords.quantity(call("eth_blockNumber")); }

    public void fund(String address, BigInteger wei) {
        call("anvil_setBalance", address, "0x" + wei.toString(16));
        call("anvil_impersonateAccount", address);
    }

    /** Sends a transaction (mined at once under automine) and returns its hash. Gas given: no estimate, so reverts go through. */
    public String send(String from, String to, BigInteger value, String data, long gas) {
        Map<String, Object> tx = new HashMap<>();
        tx.put("from", from);
        if (to != null) tx.put("to", to);
        tx.put("value", "0x" + value.toString(16));
        if (data != null) tx.put("data", data);
        tx.put("gas", "0x" + Long.toHexString(gas));
        String hash = call("eth_sendTransaction", tx).asText();
        // under automine, wait until it is mined: the next send may spend what this one paid in
        // (a loaded CI machine once saw "insufficient funds" without this)
        if (automine) receipt(hash);
        return hash;
    }

    private boolean automine = true;

    public String sendEth(String from, String to, BigInteger wei) { return send(from, to, wei, null, 21_000); }

    /** Deploys init code from the dev account and returns the contract address. */
    public String deploy(String initCode) {
        String hash = send(DEV0, null, BigInteger.ZERO, initCode, 1_000_000);
        JsonNode rc = receipt(hash);
        if (rc == null || rc.isNull() || !rc.hasNonNull("contractAddress")) throw new IllegalStateException("deploy " + hash + ": receipt " + rc);
        return rc.get("contractAddress").asText().toLowerCase();
    }

    /** The receipt, waiting up to 10 s for the block (Anvil may answer eth_sendTransaction before it mines). */
    public JsonNode receipt(String hash) {
        for (int i = 0; i < 200; i++) {
            JsonNode rc = call("eth_getTransactionReceipt", hash);
            if (rc != null && !rc.isNull()) return rc;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no receipt for " + hash + " after 10 s");
    }

    public void mine(int blocks) { call("anvil_mine", "0x" + Integer.toHexString(blocks)); }

    public void automine(boolean on) {
        call("evm_setAutomine", on);
        automine = on;
    }

    public String snapshot() { return call("evm_snapshot").asText(); }

    public void revert(String id) {
        if (!call("evm_revert", id).asBoolean()) throw new IllegalStateException("evm_revert " + id + " failed");
    }

    public static String word(String address) { return "000000000000000000000000" + address.substring(2); }

    public static String word(BigInteger v) { return String.format("%64s", v.toString(16)).replace(' ', '0'); }

    /** Calldata for the minimal token: to ‖ value. */
    public static String tokenTransfer(String to, BigInteger value) { return "0x" + word(to) + word(value); }

    public static List<String> ira() {
        return List.of("0x901bb9583b24d97e995513c6778dc6888ab6870e", "0xa7e5d5a720f06526557c513402f2e6b5fa20b008",
                "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(home);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a test for
        }
    }
}
