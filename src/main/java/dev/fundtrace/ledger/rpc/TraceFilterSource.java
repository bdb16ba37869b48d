package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fundtrace.ledger.Transfer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Native transfers by trace_filter (fromAddress / toAddress). Top-level value comes from the root trace (an
 * errored root is a reverted transaction). A transaction with a matching internal call is traced whole with
 * trace_transaction, because its depth-first ranks and its failed parent calls depend on calls that matched nothing.
 */
final class TraceFilterSource implements TransferSource {
    private final RpcClient client;

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
        for (JsonNode t : AdaptiveWindows.fetch(client, client.options().logWindow(), queries, from, to)) {
            if (t.path("traceAddress").size() > 0) {
                traceWhole.add(NodeRecords.hash(t.get("transactionHash")));
                continue;
            }
            String type = t.path("type").asText("");
            JsonNode action = t.path("action");
            String toAddr;
            if (type.equals("call")) toAddr = NodeRecords.address(action.get("to"));
            else if (type.equals("create")) toAddr = NodeRecords.address(t.path("result").get("address"));
            else continue; // rewards: not transfers
            BigInteger value = NodeRecords.bigQuantity(action.get("value"));
            Transfer top = NodeRecords.topLevel(NodeRecords.hash(t.get("transactionHash")), NodeRecords.quantity(t.get("blockNumber")),
                    (int) NodeRecords.quantity(t.get("transactionPosition")), NodeRecords.address(action.get("from")), toAddr,
                    value, !t.hasNonNull("error"), null);
            if (top != null) out.add(top);
        }
        if (!traceWhole.isEmpty()) {
            List<org.web3j.protocol.core.Request<Object, JsonResponse>> reqs = new ArrayList<>();
            for (String h : traceWhole) reqs.add(client.json("trace_transaction", h));
            for (JsonResponse r : client.batch(reqs)) {
                if (r.hasError()) throw client.error("trace_transaction", r.getError());
                for (Transfer t : NodeRecords.internalFromParity(r.getResult(), null)) {
                    if (wanted.contains(t.from()) || wanted.contains(t.to())) out.add(t);
                }
            }
        }
        return out;
    }

    private AdaptiveWindows.Query query(String field, List<String> addresses) {
        List<String> copy = List.copyOf(addresses);
        return (a, b) -> client.json("trace_filter", Map.of("fromBlock", AdaptiveWindows.hex(a),
                "toBlock", AdaptiveWindows.hex(b), field, copy));
    }
}
