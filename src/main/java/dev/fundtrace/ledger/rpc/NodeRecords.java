package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns node JSON (blocks, receipts, logs, callTracer and parity traces) into the same {@link Transfer} records the
 * ethereum-etl export loader makes: zero amounts dropped, reverted top-level value kept as REVERTED, internal
 * calls ranked depth-first from 1 among the value-moving, non-errored ones, ERC-721 (four-topic) logs skipped.
 */
final class NodeRecords {
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private NodeRecords() {}

    static long quantity(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return -1;
        if (n.isNumber()) return n.asLong();
        String s = n.asText();
        if (s.startsWith("0x") || s.startsWith("0X")) return s.length() == 2 ? 0 : Long.parseLong(s.substring(2), 16);
        return Long.parseLong(s);
    }

    static BigInteger bigQuantity(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return BigInteger.ZERO;
        if (n.isNumber()) return n.bigIntegerValue();
        String s = n.asText();
        if (s.startsWith("0x") || s.startsWith("0X")) return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
        return new BigInteger(s);
    }

    static String address(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        String s = n.asText();
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }

    static String hash(JsonNode n) { return address(n); }

    /** A 32-byte topic holding an address, as 0x + 40 hex. */
    static String topicAddress(String topic) {
        return "0x" + topic.substring(topic.length() - 40).toLowerCase(Locale.ROOT);
    }

    static String topicOf(String address) {
        return "0x000000000000000000000000" + address.substring(2).toLowerCase(Locale.ROOT);
    }

    /** A fungible token transfer from a log, or null (not a 3-topic Transfer, removed, or zero). */
    static Transfer tokenTransfer(JsonNode log, Instant time) {
        JsonNode topics = log.path("topics");
        if (topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0).asText())) return null;
        if (log.path("removed").asBoolean(false)) return null;
        String data = log.path("data").asText("0x");
        if (data.length() <= 2) return null;
        BigInteger value = new BigInteger(data.substring(2), 16);
        if (value.signum() == 0) return null;
        return new Transfer(Chain.ETHEREUM, address(log.get("address")), hash(log.get("transactionHash")),
                quantity(log.get("blockNumber")), (int) quantity(log.get("logIndex")), 0, time,
                topicAddress(topics.get(1).asText()), topicAddress(topics.get(2).asText()), value, TransferKind.TOKEN);
    }

    /**
     * Whether a transaction succeeded: its receipt status decides, as receipts.csv decides for an export. A receipt
     * without one (before Byzantium receipts had a state root instead) leaves it to the trace of the top-level call.
     */
    static boolean succeeded(JsonNode receipt, boolean topCallErrored) {
        long status = receipt == null ? -1 : quantity(receipt.get("status"));
        return status < 0 ? !topCallErrored : status == 1;
    }

    /** The top-level value of a transaction, or null when it moved none. */
    static Transfer topLevel(String txHash, long block, int txIndex, String from, String to, BigInteger value,
                             boolean success, Instant time) {
        if (value.signum() == 0 || to == null) return null;
        return new Transfer(Chain.ETHEREUM, Chain.ETHEREUM.nativeAsset(), txHash, block, txIndex, 0, time, from, to,
                value, success ? TransferKind.NATIVE : TransferKind.REVERTED);
    }

    /** Internal value transfers of one transaction from a callTracer tree (root excluded). */
    static List<Transfer> internalFromCallTracer(JsonNode root, String txHash, long block, int txIndex, Instant time) {
        List<Transfer> out = new ArrayList<>();
        if (root == null || root.hasNonNull("error")) return out; // the whole transaction failed: nothing moved
        int[] rank = {0};
        walk(root.path("calls"), txHash, block, txIndex, time, rank, out);
        return out;
    }

    private static void walk(JsonNode calls, String txHash, long block, int txIndex, Instant time, int[] rank, List<Transfer> out) {
        for (JsonNode c : calls) {
            if (c.hasNonNull("error")) continue; // it and its children moved nothing
            String type = c.path("type").asText("").toUpperCase(Locale.ROOT);
            boolean moves = switch (type) {
                case "CALL", "CALLCODE", "CREATE", "CREATE2", "SELFDESTRUCT" -> true;
                default -> false;
            };
            BigInteger value = bigQuantity(c.get("value"));
            String to = address(c.get("to"));
            if (moves && value.signum() > 0 && to != null) {
                rank[0]++;
                out.add(new Transfer(Chain.ETHEREUM, Chain.ETHEREUM.nativeAsset(), txHash, block, txIndex, rank[0], time,
                        address(c.get("from")), to, value, TransferKind.INTERNAL));
            }
            walk(c.path("calls"), txHash, block, txIndex, time, rank, out);
        }
    }

    /** Internal value transfers of one transaction from its parity-style traces (trace_transaction). */
    static List<Transfer> internalFromParity(JsonNode traces, Instant time) {
        List<JsonNode> list = new ArrayList<>();
        traces.forEach(list::add);
        list.sort((a, b) -> Arrays.compare(path(a), path(b)));
        List<int[]> failed = new ArrayList<>();
        List<Transfer> out = new ArrayList<>();
        int rank = 0;
        for (JsonNode t : list) {
            int[] p = path(t);
            boolean err = t.hasNonNull("error");
            for (int[] f : failed) if (isPrefix(f, p)) err = true;
            if (t.hasNonNull("error")) failed.add(p);
            if (p.length == 0 || err) continue;
            String type = t.path("type").asText("");
            JsonNode action = t.path("action");
            String from, to;
            BigInteger value;
            switch (type) {
                case "call" -> {
                    String ct = action.path("callType").asText("call");
                    if (ct.equals("delegatecall") || ct.equals("staticcall")) continue;
                    from = address(action.get("from"));
                    to = address(action.get("to"));
                    value = bigQuantity(action.get("value"));
                }
                case "create" -> {
                    from = address(action.get("from"));
                    to = address(t.path("result").get("address"));
                    value = bigQuantity(action.get("value"));
                }
                case "suicide" -> {
                    from = address(action.get("address"));
                    to = address(action.get("refundAddress"));
                    value = bigQuantity(action.get("balance"));
                }
                default -> { continue; }
            }
            if (value.signum() == 0 || from == null || to == null) continue;
            rank++;
            out.add(new Transfer(Chain.ETHEREUM, Chain.ETHEREUM.nativeAsset(), hash(t.get("transactionHash")),
                    quantity(t.get("blockNumber")), (int) quantity(t.get("transactionPosition")), rank, time,
                    from, to, value, TransferKind.INTERNAL));
        }
        return out;
    }

    static int[] path(JsonNode trace) {
        JsonNode a = trace.path("traceAddress");
        int[] p = new int[a.size()];
        for (int i = 0; i < p.length; i++) p[i] = a.get(i).asInt();
        return p;
    }

    private static boolean isPrefix(int[] prefix, int[] p) {
        if (prefix.length > p.length) return false;
        for (int i = 0; i < prefix.length; i++) if (prefix[i] != p[i]) return false;
        return true;
    }

    static Transfer withTime(Transfer t, Instant time) {
        return new Transfer(t.chain(), t.asset(), t.txHash(), t.blockNumber(), t.position(), t.subPosition(), time,
                t.from(), t.to(), t.amount(), t.kind());
    }

    /** Errors meaning "ask for fewer blocks" (providers word it differently). */
    static boolean isTooMany(int code, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return code == -32005 || m.contains("too many") || m.contains("limit") || m.contains("range")
                || m.contains("exceed") || m.contains("more than") || m.contains("response size");
    }

    /**
     * Errors meaning "this node does not offer that method" (and nothing else: a per-call failure such as a missing
     * historical state must not be mistaken for it, or data would be dropped silently).
     */
    static boolean isUnsupported(int code, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return code == -32601 || m.contains("method") && (m.contains("not found") || m.contains("does not exist")
                || m.contains("not supported") || m.contains("unsupported") || m.contains("not available"));
    }
}
