package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fundtrace.ledger.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.Request;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * For nodes without trace_filter: reads each block of the bounded range once (eth_getBlockByNumber with full
 * transactions, eth_getBlockReceipts or else eth_getTransactionReceipt for status and logs, debug_traceTransaction
 * with the callTracer for transactions that run code) and keeps every transfer in memory, indexed by address, so
 * that growing the frontier hop by hop costs no further requests. Token transfers come from the receipts' logs.
 */
final class BlockScanSource implements TransferSource {
    private static final Logger log = LoggerFactory.getLogger(BlockScanSource.class);
    private static final Map<String, String> CALL_TRACER = Map.of("tracer", "callTracer");

    private final RpcClient client;
    private final Consumer<String> warnings;
    private final List<long[]> scanned = new ArrayList<>();
    private final Map<String, List<Transfer>> byAddress = new HashMap<>();
    private Boolean blockReceipts; // null: not tried yet
    private boolean tracing = true;
    long blocksRead;
    long transfersSeen;

    BlockScanSource(RpcClient client, Consumer<String> warnings) {
        this.client = client;
        this.warnings = warnings;
    }

    @Override
    public Set<Transfer> fetch(String kind, List<String> addresses, long from, long to) {
        ensure(from, to);
        boolean token = kind.equals(RpcCheckpointStore.TOKEN);
        Set<Transfer> out = new LinkedHashSet<>();
        for (String a : addresses) {
            for (Transfer t : byAddress.getOrDefault(a, List.of())) {
                if (t.blockNumber() >= from && t.blockNumber() <= to && (t.kind() == dev.fundtrace.ledger.TransferKind.TOKEN) == token) out.add(t);
            }
        }
        return out;
    }

    /** Reads the blocks of [from, to] not read yet. */
    void ensure(long from, long to) {
        long a = from;
        while (a <= to) {
            long[] covering = null;
            for (long[] s : scanned) if (s[0] <= a && a <= s[1]) covering = s;
            if (covering != null) { a = covering[1] + 1; continue; }
            long b = to;
            for (long[] s : scanned) if (s[0] > a && s[0] - 1 < b) b = s[0] - 1;
            int chunk = Math.max(1, client.options().batchSize()) * Math.max(1, client.options().maxInFlight());
            for (long c = a; c <= b; c += chunk) scan(c, Math.min(b, c + chunk - 1));
            scanned.add(new long[]{a, b});
            a = b + 1;
        }
    }

    private void scan(long from, long to) {
        List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (long n = from; n <= to; n++) reqs.add(client.json("eth_getBlockByNumber", AdaptiveWindows.hex(n), true));
        List<JsonResponse> blocks = client.batch(reqs);
        List<JsonNode> txs = new ArrayList<>();
        Map<Long, Instant> times = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonResponse r = blocks.get(i);
            if (r.hasError()) throw client.error("eth_getBlockByNumber " + (from + i), r.getError());
            JsonNode b = r.getResult();
            if (b == null || b.isNull()) throw new RpcException("block " + (from + i) + " is not known to " + client.redactedUrl()
                    + " (above its head?)");
            times.put(from + i, Instant.ofEpochSecond(NodeRecords.quantity(b.get("timestamp"))));
            b.path("transactions").forEach(txs::add);
        }
        blocksRead += to - from + 1;
        Map<String, JsonNode> receipts = receipts(from, to, txs);
        Map<String, JsonNode> traces = traces(txs);
        for (JsonNode tx : txs) {
            String hash = NodeRecords.hash(tx.get("hash"));
            long block = NodeRecords.quantity(tx.get("blockNumber"));
            int index = (int) NodeRecords.quantity(tx.get("transactionIndex"));
            Instant time = times.get(block);
            JsonNode rc = receipts.get(hash);
            if (rc == null) throw new RpcException("no receipt for " + hash + " from " + client.redactedUrl());
            JsonNode tr = traces.get(hash);
            boolean ok = NodeRecords.succeeded(rc, tr != null && tr.hasNonNull("error"));
            String receiver = NodeRecords.address(tx.get("to"));
            if (receiver == null) receiver = NodeRecords.address(rc.get("contractAddress"));
            BigInteger value = NodeRecords.bigQuantity(tx.get("value"));
            add(NodeRecords.topLevel(hash, block, index, NodeRecords.address(tx.get("from")), receiver, value, ok, time));
            if (ok) {
                for (JsonNode l : rc.path("logs")) add(NodeRecords.tokenTransfer(l, time));
                if (tr != null) NodeRecords.internalFromCallTracer(tr, hash, block, index, time).forEach(this::add);
            }
        }
    }

    private void add(Transfer t) {
        if (t == null) return;
        transfersSeen++;
        byAddress.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
        if (!t.to().equals(t.from())) byAddress.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t);
    }

    private Map<String, JsonNode> receipts(long from, long to, List<JsonNode> txs) {
        Map<String, JsonNode> out = new HashMap<>();
        if (txs.isEmpty()) return out;
        if (blockReceipts == null || blockReceipts) {
            List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            Set<Long> withTxs = new LinkedHashSet<>();
            for (JsonNode tx : txs) withTxs.add(NodeRecords.quantity(tx.get("blockNumber")));
            for (long n : withTxs) { reqs.add(client.json("eth_getBlockReceipts", AdaptiveWindows.hex(n))); numbers.add(n); }
            List<JsonResponse> rs = client.batch(reqs);
            boolean unsupported = false;
            for (int i = 0; i < rs.size(); i++) {
                JsonResponse r = rs.get(i);
                if (r.hasError()) {
                    if (NodeRecords.isUnsupported(r.getError().getCode(), r.getError().getMessage())) { unsupported = true; break; }
                    throw client.error("eth_getBlockReceipts " + numbers.get(i), r.getError());
                }
                for (JsonNode rc : r.getResult()) out.put(NodeRecords.hash(rc.get("transactionHash")), rc);
            }
            if (!unsupported) { blockReceipts = true; return out; }
            blockReceipts = false;
            log.info("{} has no eth_getBlockReceipts; reading receipts one transaction at a time", client.redactedUrl());
            out.clear();
        }
        List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (JsonNode tx : txs) reqs.add(client.json("eth_getTransactionReceipt", tx.get("hash").asText()));
        List<JsonResponse> rs = client.batch(reqs);
        for (int i = 0; i < rs.size(); i++) {
            JsonResponse r = rs.get(i);
            if (r.hasError()) throw client.error("eth_getTransactionReceipt", r.getError());
            out.put(NodeRecords.hash(txs.get(i).get("hash")), r.getResult());
        }
        return out;
    }

    /** callTracer trees for transactions that run code (input data or contract creation). */
    private Map<String, JsonNode> traces(List<JsonNode> txs) {
        Map<String, JsonNode> out = new HashMap<>();
        if (!tracing) return out;
        List<String> hashes = new ArrayList<>();
        for (JsonNode tx : txs) {
            String input = tx.path("input").asText("0x");
            if (input.length() > 2 || NodeRecords.address(tx.get("to")) == null) hashes.add(NodeRecords.hash(tx.get("hash")));
        }
        if (hashes.isEmpty()) return out;
        List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (String h : hashes) reqs.add(client.json("debug_traceTransaction", h, CALL_TRACER));
        List<JsonResponse> rs = client.batch(reqs);
        for (int i = 0; i < rs.size(); i++) {
            JsonResponse r = rs.get(i);
            if (r.hasError()) {
                if (NodeRecords.isUnsupported(r.getError().getCode(), r.getError().getMessage())) {
                    tracing = false;
                    warnings.accept(client.redactedUrl() + " offers neither trace_filter nor debug_traceTransaction: "
                            + "internal (contract) ETH transfers are missing from this ledger");
                    return Map.of();
                }
                throw client.error("debug_traceTransaction " + hashes.get(i), r.getError());
            }
            out.put(hashes.get(i), r.getResult());
        }
        return out;
    }

    Collection<List<Transfer>> all() { return byAddress.values(); }
}
