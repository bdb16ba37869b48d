package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of the real Anvil node that misbehaves on cue: it stalls (timeout), answers 429
 * with Retry-After, answers 503, drops the connection halfway through a response body, reverses a batch reply, or
 * takes the {@code error} off the root traces of trace_filter and trace_transaction answers (a node that marks a
 * reverted transaction only in its receipt).
 * It records every request body and how many requests were on the wire at once. The request path and query are
 * ignored (every body goes to the target's root), so it also fronts Anvil for URLs that carry a key in the path.
 */
public final class FlakyProxy implements AutoCloseable {
    enum Fault { NONE, STALL, TOO_MANY, SERVER_ERROR, DROP, REVERSE, SLOW, HIDE_ROOT_ERRORS }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String target;
    private final ServerSocket server;
    private final HttpClient http = HttpClient.newHttpClient();
    final Deque<Fault> script = new ConcurrentLinkedDeque<>();
    volatile Fault always = Fault.NONE;
    volatile long stallMillis = 2500;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    public FlakyProxy(String target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public String url() { return "http://127.0.0.1:" + server.getLocalPort(); }

    public int port() { return server.getLocalPort(); }

    /** JSON-RPC calls seen (batch items counted), as method + params. */
    public List<JsonNode> calls() {
        List<JsonNode> out = new ArrayList<>();
        synchronized (bodies) {
            for (String b : bodies) {
                try {
                    JsonNode n = JSON.readTree(b);
                    if (n.isArray()) n.forEach(out::add); else out.add(n);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String body = readRequest(in);
                if (body == null) return;
                requests.incrementAndGet();
                bodies.add(body);
                int now = active.incrementAndGet();
                maxActive.accumulateAndGet(now, Math::max);
                try {
                    Fault f = script.poll();
                    if (f == null) f = always;
                    switch (f) {
                        case TOO_MANY -> write(out, 429, "Too Many Requests", "Retry-After: 1\r\n", "{\"error\":\"slow down\"}".getBytes());
                        case SERVER_ERROR -> write(out, 503, "Service Unavailable", "", "upstream down".getBytes());
                        case STALL -> { Thread.sleep(stallMillis); write(out, 200, "OK", "", forward(body)); }
                        case SLOW -> { Thread.sleep(50); write(out, 200, "OK", "", forward(body)); }
                        case DROP -> {
                            byte[] full = forward(body);
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + full.length + "\r\n\r\n").getBytes());
                            out.write(full, 0, full.length / 2);
                            out.flush();
                            return; // connection closed mid-body
                        }
                        case REVERSE -> {
                            JsonNode n = JSON.readTree(forward(body));
                            if (n.isArray()) {
                                List<JsonNode> items = new ArrayList<>();
                                n.forEach(items::add);
                                Collections.reverse(items);
                                ArrayNode a = JSON.createArrayNode();
                                items.forEach(a::add);
                                n = a;
                            }
                            write(out, 200, "OK", "", JSON.writeValueAsBytes(n));
                        }
                        case HIDE_ROOT_ERRORS -> {
                            JsonNode n = JSON.readTree(forward(body));
                            for (JsonNode r : n.isArray() ? n : JSON.createArrayNode().add(n)) {
                                for (JsonNode t : r.path("result")) {
                                    if (t.isObject() && t.has("traceAddress") && t.get("traceAddress").isEmpty()) {
                                        ((com.fasterxml.jackson.databind.node.ObjectNode) t).remove("error");
                                    }
                                }
                            }
                            write(out, 200, "OK", "", JSON.writeValueAsBytes(n));
                        }
                        default -> write(out, 200, "OK", "", forward(body));
                    }
                } finally {
                    active.decrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            // client went away (e.g. after its own timeout)
        }
    }

    private byte[] forward(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static void write(OutputStream out, int code, String reason, String headers, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + code + " " + reason + "\r\nContent-Type: application/json\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads one HTTP request and returns its body, or null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) return null;
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : (c == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
