package dev.fundtrace.chain.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Request;

import java.util.ArrayList;
import java.util.List;

/**
 * Range queries (eth_getLogs, trace_filter) over block windows of at most {@code window} blocks, all windows of
 * one round sent as batches. A window the node refuses as too large ("too many results", "range exceeds ...") is
 * halved and asked again, down to a single block.
 */
final class AdaptiveWindows {

    /** Builds the request for one query over blocks [from, to]. */
    interface Query { Request<Object, JsonResponse> over(long from, long to); }

    /** The node does not offer the method at all. */
    static final class Unsupported extends RpcException {
        Unsupported(String message, int code) { super(message, code, null); }
    }

    private AdaptiveWindows() {}

    static List<JsonNode> fetch(RpcClient client, int window, List<Query> queries, long from, long to) {
        List<JsonNode> out = new ArrayList<>();
        record Job(Query q, long from, long to) {}
        List<Job> pending = new ArrayList<>();
        long w = Math.max(1, window);
        for (Query q : queries) {
            for (long a = from; a <= to; a += w) pending.add(new Job(q, a, Math.min(to, a + w - 1)));
        }
        while (!pending.isEmpty()) {
            List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
            for (Job j : pending) reqs.add(j.q.over(j.from, j.to));
            List<JsonResponse> rs = client.batch(reqs);
            List<Job> next = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                JsonResponse r = rs.get(i);
                Job j = pending.get(i);
                if (r.hasError()) {
                    int code = r.getError().getCode();
                    String msg = r.getError().getMessage();
                    if (NodeRecords.isUnsupported(code, msg)) {
                        throw new Unsupported(reqs.get(i).getMethod() + " is not offered by " + client.redactedUrl()
                                + " (" + code + ": " + msg + ")", code);
                    }
                    if (NodeRecords.isTooMany(code, msg) && j.to > j.from) {
                        long mid = j.from + (j.to - j.from) / 2;
                        next.add(new Job(j.q, j.from, mid));
                        next.add(new Job(j.q, mid + 1, j.to));
                        continue;
                    }
                    throw client.error(reqs.get(i).getMethod() + " [" + j.from + ", " + j.to + "]", r.getError());
                }
                JsonNode result = r.getResult();
                if (result != null) result.forEach(out::add);
            }
            pending = next;
        }
        return out;
    }

    static String hex(long n) { return "0x" + Long.toHexString(n); }
}
