package dev.fundtrace.chain.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fundtrace.ledger.Transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ERC-20 transfers by eth_getLogs: the Transfer topic with the addresses in topic 1 (out) or topic 2 (in). */
final class LogSource implements TransferSource {
    static final int ADDRESSES_PER_FILTER = 50;
    private final RpcClient client;

    LogSource(RpcClient client) { this.client = client; }

    @Override
    public Set<Transfer> fetch(String kind, List<String> addresses, long from, long to) {
        List<AdaptiveWindows.Query> queries = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i += ADDRESSES_PER_FILTER) {
            List<String> topics = addresses.subList(i, Math.min(addresses.size(), i + ADDRESSES_PER_FILTER)).stream()
                    .map(NodeRecords::topicOf).toList();
            queries.add((a, b) -> client.json("eth_getLogs", filter(a, b, Arrays.asList(NodeRecords.TRANSFER_TOPIC, topics))));
            queries.add((a, b) -> client.json("eth_getLogs", filter(a, b, Arrays.asList(NodeRecords.TRANSFER_TOPIC, null, topics))));
        }
        Set<Transfer> out = new LinkedHashSet<>();
        for (JsonNode log : AdaptiveWindows.fetch(client, client.options().logWindow(), queries, from, to)) {
            Transfer t = NodeRecords.tokenTransfer(log, null);
            if (t != null) out.add(t);
        }
        return out;
    }

    private static Map<String, Object> filter(long from, long to, List<Object> topics) {
        return Map.of("fromBlock", AdaptiveWindows.hex(from), "toBlock", AdaptiveWindows.hex(to), "topics", topics);
    }
}
