package dev.fundtrace.ledger.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Dumps blocks [0, to] of an Anvil chain in ethereum-etl's layout (transactions, receipts, token_transfers,
 * tokens, blocks, traces), independently of the gatherer: receipts one by one, traces from parity-style
 * trace_block with ethereum-etl's status rule (0 when the call or any parent errored), token transfers with
 * three or four topics (as ethereum-etl does), decimals and symbol by eth_call.
 */
public final class ChainExporter {
    private ChainExporter() {}

    public static void export(Anvil anvil, long to, Path dir) throws IOException {
        export(anvil, 0, to, dir);
    }

    /** Blocks [first, to] only: the export of one night, as a nightly ethereum-etl job writes it. */
    public static void export(Anvil anvil, long first, long to, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> tokens = new LinkedHashSet<>();
        try (PrintWriter tx = new PrintWriter(Files.newBufferedWriter(dir.resolve("transactions.csv")));
             PrintWriter rc = new PrintWriter(Files.newBufferedWriter(dir.resolve("receipts.csv")));
             PrintWriter tt = new PrintWriter(Files.newBufferedWriter(dir.resolve("token_transfers.csv")));
             PrintWriter bl = new PrintWriter(Files.newBufferedWriter(dir.resolve("blocks.csv")));
             PrintWriter tr = new PrintWriter(Files.newBufferedWriter(dir.resolve("traces.csv")))) {
            tx.println("hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp");
            rc.println("transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status");
            tt.println("token_address,from_address,to_address,value,transaction_hash,log_index,block_number");
            bl.println("number,hash,timestamp,transaction_count");
            tr.println("block_number,transaction_hash,transaction_index,from_address,to_address,value,input,output,trace_type,call_type,reward_type,gas,gas_used,subtraces,trace_address,error,status");
            for (long n = first; n <= to; n++) {
                JsonNode b = anvil.call("eth_getBlockByNumber", "0x" + Long.toHexString(n), true);
                long time = NodeRecords.quantity(b.get("timestamp"));
                bl.println(n + "," + b.get("hash").asText() + "," + time + "," + b.get("transactions").size());
                for (JsonNode t : b.get("transactions")) {
                    String hash = t.get("hash").asText();
                    tx.println(String.join(",", hash, dec(t.get("nonce")), b.get("hash").asText(), String.valueOf(n),
                            dec(t.get("transactionIndex")), lower(t.get("from")), lower(t.get("to")), dec(t.get("value")),
                            dec(t.get("gas")), dec(t.get("gasPrice")), t.get("input").asText(), String.valueOf(time)));
                    JsonNode r = anvil.receipt(hash);
                    rc.println(String.join(",", hash, dec(r.get("transactionIndex")), b.get("hash").asText(), String.valueOf(n),
                            dec(r.get("cumulativeGasUsed")), dec(r.get("gasUsed")), lower(r.get("contractAddress")), "",
                            dec(r.get("status"))));
                    for (JsonNode l : r.get("logs")) {
                        JsonNode topics = l.get("topics");
                        if (topics.size() < 3 || topics.size() > 4 || !topics.get(0).asText().equalsIgnoreCase(NodeRecords.TRANSFER_TOPIC)) continue;
                        String value = topics.size() == 4 ? dec(topics.get(3)) : new BigInteger(l.get("data").asText().substring(2), 16).toString();
                        tokens.add(lower(l.get("address")));
                        tt.println(String.join(",", lower(l.get("address")), NodeRecords.topicAddress(topics.get(1).asText()),
                                NodeRecords.topicAddress(topics.get(2).asText()), value, hash, dec(l.get("logIndex")), String.valueOf(n)));
                    }
                }
                if (n == 0) continue;
                List<JsonNode> traces = new ArrayList<>();
                anvil.call("trace_block", "0x" + Long.toHexString(n)).forEach(traces::add);
                for (JsonNode t : traces) {
                    String type = t.get("type").asText();
                    if (type.equals("reward")) continue;
                    JsonNode a = t.get("action");
                    int[] path = NodeRecords.path(t);
                    boolean failed = false;
                    for (JsonNode p : traces) {
                        int[] pp = NodeRecords.path(p);
                        if (p.hasNonNull("error") && p.get("transactionHash").equals(t.get("transactionHash")) && isPrefix(pp, path)) failed = true;
                    }
                    String from, toAddr, value;
                    switch (type) {
                        case "create" -> { from = lower(a.get("from")); toAddr = lower(t.path("result").get("address")); value = dec(a.get("value")); }
                        case "suicide" -> { from = lower(a.get("address")); toAddr = lower(a.get("refundAddress")); value = dec(a.get("balance")); }
                        default -> { from = lower(a.get("from")); toAddr = lower(a.get("to")); value = dec(a.get("value")); }
                    }
                    StringBuilder addr = new StringBuilder();
                    for (int i = 0; i < path.length; i++) addr.append(i == 0 ? "" : ",").append(path[i]);
                    tr.println(String.join(",", String.valueOf(n), t.get("transactionHash").asText(),
                            String.valueOf(NodeRecords.quantity(t.get("transactionPosition"))), from, toAddr, value, "", "",
                            type, a.path("callType").asText(""), "", "", "", String.valueOf(t.path("subtraces").asInt()),
                            "\"" + addr + "\"", t.hasNonNull("error") ? t.get("error").asText().replace(",", ";") : "", failed ? "0" : "1"));
                }
            }
        }
        try (PrintWriter tk = new PrintWriter(Files.newBufferedWriter(dir.resolve("tokens.csv")))) {
            tk.println("address,symbol,name,decimals,total_supply,block_number");
            for (String t : tokens) {
                String block = "0x" + Long.toHexString(to), decimals = "", symbol = "";
                try {
                    JsonNode r = anvil.call("eth_call", java.util.Map.of("to", t, "data", "0x313ce567"), block);
                    if (r.asText().length() == 66) decimals = new BigInteger(r.asText().substring(2), 16).toString();
                } catch (RuntimeException e) {
                    // no decimals(): an NFT or a non-standard token; left empty as ethereum-etl does
                }
                try {
                    symbol = symbolOf(anvil.call("eth_call", java.util.Map.of("to", t, "data", "0x95d89b41"), block).asText());
                } catch (RuntimeException e) {
                    // symbol() reverted: left empty as ethereum-etl does
                }
                tk.println(t + "," + symbol + ",," + decimals + ",,");
            }
        }
    }

    /** As ethereum-etl reads it: an ABI string, else a bytes32 without its trailing zero bytes; empty when neither. */
    static String symbolOf(String hex) {
        byte[] b = java.util.HexFormat.of().parseHex(hex.substring(2));
        if (b.length == 32) return new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
        if (b.length < 64) return "";
        int offset = new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32)).intValueExact();
        int length = new BigInteger(1, java.util.Arrays.copyOfRange(b, offset, offset + 32)).intValueExact();
        return new String(b, offset + 32, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isPrefix(int[] prefix, int[] p) {
        if (prefix.length > p.length) return false;
        for (int i = 0; i < prefix.length; i++) if (prefix[i] != p[i]) return false;
        return true;
    }

    private static String dec(JsonNode n) {
        if (n == null || n.isNull()) return "";
        return NodeRecords.bigQuantity(n).toString();
    }

    private static String lower(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText().toLowerCase();
    }
}
