package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fundtrace.ledger.Transfer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Native transfers by trace_filter (fromAddress / toAddress). Top-level value comes from the root trace, and whether
 * it moved from the transaction's receipt status, as in an export (a reverted one is kept as REVERTED). A transaction with a matching internal call is traced whole with
 * trace_transaction, because its depth-first ranks and its failed parent calls depend on calls that matched nothing.
 */
final class TraceFilterSource implements TransferSource {
    private final RpcClient client;
    private final Map<String, JsonNode> receipts = new HashMap<>();

    TraceFilterSource(RpcClient client) { this.client = client; }

    /** Asks the node once; throws {@link AdaptiveWindows.Unsupported} when it has no trace_filter. */
    void probe(String address, long block) {
        AdaptiveWindows.fetch(client, 1, List.of(query("fromAddress", List.of(address))), block, block);
    }

    @Override
    public Set<Transfer> fetch(String kind, List<String> addresses, long from, long to) {
        List<AdaptiveWindows.Query> queries = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += LogSource.ADDRESSES_PER_FILTER) {
            List<String> part = addresses.subList(i, Math.min(addresses.size(), i + LogSource.ADDRESSES_PER_FILTER));
            queries.add(query("fromAddress", part));
            queries.add(query("toAddress", part));
        }
        Set<String> wanted = new HashSet<>(addresses);
        Set<Transfer> out = new LinkedHashSet<>();
        Set<String> traceWhole = new LinkedHashSet<>();
        List<JsonNode> roots = new ArrayList<>();
        for (JsonNode t : AdaptiveWindows.fetch(client, client.options().logWindow(), queries, from, to)) {
            if (t.path("traceAddress").size() > 0) {
                traceWhole.add(NodeRecords.hash(t.get("transactionHash")));
            } else if (List.of("call", "create").contains(t.path("type").asText(""))
                    && NodeRecords.bigQuantity(t.path("action").get("value")).signum() > 0) {
                roots.add(t); // rewards are not transfers; zero-value calls move nothing
            }
        }
        Set<String> hashes = new LinkedHashSet<>(traceWhole);
        for (JsonNode t : roots) hashes.add(NodeRecords.hash(t.get("transactionHash")));
        Map<String, JsonNode> statuses = receipts(List.copyOf(hashes));
        for (JsonNode t : roots) {
            Transfer top = topLevel(t, statuses.get(NodeRecords.hash(t.get("transactionHash"))));
            if (top != null) out.add(top);
        }
        for (Transfer t : internal(List.copyOf(traceWhole), statuses)) {
            if (wanted.contains(t.from()) || wanted.contains(t.to())) out.add(t);
        }
        return out;
    }

    /** The value of a root call (REVERTED when its receipt says so), or null when it moved none. */
    private static Transfer topLevel(JsonNode root, JsonNode receipt) {
        JsonNode action = root.path("action");
        String to = root.path("type").asText().equals("call") ? NodeRecords.address(action.get("to")) : created(root, receipt);
        return NodeRecords.topLevel(NodeRecords.hash(root.get("transactionHash")), NodeRecords.quantity(root.get("blockNumber")),
                (int) NodeRecords.quantity(root.get("transactionPosition")), NodeRecords.address(action.get("from")), to,
                NodeRecords.bigQuantity(action.get("value")), NodeRecords.succeeded(receipt, root.hasNonNull("error")), null);
    }

    /** The internal transfers of whole transactions by trace_transaction; none for a reverted one. */
    private List<Transfer> internal(List<String> txs, Map<String, JsonNode> statuses) {
        List<org.web3j.protocol.core.Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (String h : txs) reqs.add(client.json("trace_transaction", h));
        List<JsonResponse> rs = client.batch(reqs);
        List<Transfer> out = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            JsonResponse r = rs.get(i);
            if (r.hasError()) throw client.error("trace_transaction", r.getError());
            // without a receipt status (pre-Byzantium), internalFromParity reads the root's error itself
            if (NodeRecords.succeeded(statuses.get(txs.get(i)), false)) out.addAll(NodeRecords.internalFromParity(r.getResult(), null));
        }
        return out;
    }

    /**
     * The receipts of the transactions that may move value: their status decides whether anything moved, as
     * receipts.csv decides it for an export (a root trace's error is a node's rendering of the same fact, and nodes
     * render failures differently). Kept for the gather, status and contract address only: a transaction met again
     * in a later hop is not asked again.
     */
    private Map<String, JsonNode> receipts(List<String> hashes) {
        List<String> missing = hashes.stream().filter(h -> !receipts.containsKey(h)).toList();
        List<org.web3j.protocol.core.Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (String h : missing) reqs.add(client.json("eth_getTransactionReceipt", h));
        List<JsonResponse> rs = client.batch(reqs);
        for (int i = 0; i < rs.size(); i++) {
            JsonResponse r = rs.get(i);
            if (r.hasError()) throw client.error("eth_getTransactionReceipt " + missing.get(i), r.getError());
            if (r.getResult() == null || r.getResult().isNull()) throw new RpcException("no receipt for " + missing.get(i) + " from " + client.redactedUrl());
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            for (String f : List.of("status", "contractAddress")) if (r.getResult().has(f)) kept.set(f, r.getResult().get(f));
            receipts.put(missing.get(i), kept);
        }
        return receipts;
    }

    /** A contract creation's address: from the trace, or for a failed creation (some nodes leave no result) the receipt. */
    private static String created(JsonNode trace, JsonNode receipt) {
        String a = NodeRecords.address(trace.path("result").get("address"));
        return a != null ? a : NodeRecords.address(receipt.get("contractAddress"));
    }

    private AdaptiveWindows.Query query(String field, List<String> addresses) {
        List<String> copy = List.copyOf(addresses);
        return (a, b) -> client.json("trace_filter", Map.of("fromBlock", AdaptiveWindows.hex(a),
                "toBlock", AdaptiveWindows.hex(b), field, copy));
    }
}
