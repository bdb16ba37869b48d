package dev.fundtrace.ledger.rpc;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.SegmentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.Request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the transfers a trace needs from an Ethereum JSON-RPC node, growing from the seeds hop by hop instead of
 * copying the chain: each round asks for the token transfers (eth_getLogs) and native transfers (trace_filter, or a
 * block scan where the node lacks it) of the frontier, then makes the counterparties the next frontier. Labelled
 * services are never expanded. Addresses up to {@code maxHops} away are expanded so that the balances the haircut
 * model divides by are whole. Only blocks at least {@code confirmations} below the head are read, and with a
 * checkpoint store only blocks outside each address's checkpoint are fetched.
 *
 * <p>The records are the ones {@link dev.fundtrace.ledger.files.EtlExportLoader} makes from an export of the same
 * blocks (see {@link NodeRecords}).
 */
public final class RpcLedgerGatherer {
    private static final Logger log = LoggerFactory.getLogger(RpcLedgerGatherer.class);
    private static final Chain CHAIN = Chain.ETHEREUM;

    /** Gathers with a client of its own, closed afterwards. */
    public GatherResult gather(GatherRequest req) {
        try (RpcClient client = new RpcClient(req.rpcUrl(), req.options())) {
            return gather(req, client);
        }
    }

    /** Saves the result's checkpoints; call it after the segment is stored. */
    public void commit(GatherRequest req, GatherResult result) {
        if (req.checkpoints() != null) req.checkpoints().save(result.checkpoints());
    }

    public GatherResult gather(GatherRequest req, RpcClient client) {
        long calls0 = client.rpcCalls(), http0 = client.httpAttempts();
        List<String> warnings = new ArrayList<>();
        long head = NodeRecords.quantity(client.call(client.json("eth_blockNumber")).getResult());
        long safe = head - req.confirmations();
        long to = req.toBlock().equals("latest") ? safe : Math.min(Long.parseLong(req.toBlock()), safe);
        long from = req.fromBlock();
        if (to < from) {
            warnings.add("no confirmed blocks in [" + from + ", " + req.toBlock() + "]: head " + head + ", confirmations " + req.confirmations());
            return new GatherResult(new SegmentBuilder(CHAIN), List.of(), from, -1, head, "none", 0,
                    client.rpcCalls() - calls0, client.httpAttempts() - http0, List.of(), warnings);
        }

        TransferSource tokens, natives;
        String mode;
        TraceFilterSource traceFilter = new TraceFilterSource(client);
        boolean useTrace = req.options().useTraceFilter() && !req.seeds().isEmpty();
        if (useTrace) {
            try {
                traceFilter.probe(req.seeds().iterator().next(), to);
            } catch (AdaptiveWindows.Unsupported e) {
                warnings.add("trace_filter unavailable (" + e.getMessage() + "); scanning blocks " + from + ".." + to);
                useTrace = false;
            }
        }
        if (useTrace) {
            mode = "trace_filter";
            tokens = new LogSource(client);
            natives = traceFilter;
        } else {
            mode = "block_scan";
            BlockScanSource scan = new BlockScanSource(client, warnings::add);
            tokens = scan;
            natives = scan;
        }
        log.info("gathering from {} blocks {}..{} (head {}, {} confirmations) by {}", client.redactedUrl(), from, to,
                head, req.confirmations(), mode);

        Map<String, Set<String>> previous = adjacency(req.previous());
        Set<Transfer> collected = new LinkedHashSet<>();
        Set<String> expanded = new HashSet<>();
        List<RpcCheckpointStore.Checkpoint> checkpoints = new ArrayList<>();
        Set<String> frontier = new TreeSet<>(req.seeds());
        for (int hop = 0; hop <= req.maxHops() && !frontier.isEmpty(); hop++) {
            List<String> addresses = List.copyOf(frontier);
            List<Transfer> found = new ArrayList<>();
            fetch(RpcCheckpointStore.TOKEN, tokens, addresses, from, to, req, found, checkpoints);
            fetch(RpcCheckpointStore.NATIVE, natives, addresses, from, to, req, found, checkpoints);
            collected.addAll(found);
            expanded.addAll(addresses);
            Set<String> next = new TreeSet<>();
            for (Transfer t : collected) {
                if (!t.kind().movesValue()) continue;
                if (frontier.contains(t.from())) next.add(t.to());
                if (frontier.contains(t.to())) next.add(t.from());
            }
            for (String a : addresses) next.addAll(previous.getOrDefault(a, Set.of()));
            next.removeAll(expanded);
            next.removeAll(req.seeds());
            next.removeAll(req.services());
            log.debug("hop {}: {} addresses expanded, {} transfers so far, {} next", hop, addresses.size(), collected.size(), next.size());
            frontier = next;
        }

        collected.removeAll(alreadyStored(req.previous(), collected));
        List<Transfer> transfers = withTimes(client, collected);
        SegmentBuilder builder = new SegmentBuilder(CHAIN);
        for (AssetInfo a : tokenInfo(client, req.tokens(), transfers, to, warnings)) builder.asset(a);
        for (Transfer t : transfers) builder.add(t);
        return new GatherResult(builder, transfers, from, to, head, mode, expanded.size(), client.rpcCalls() - calls0,
                client.httpAttempts() - http0, List.copyOf(checkpoints), List.copyOf(warnings));
    }

    /** Fetches one kind for the addresses, only the blocks outside each one's checkpoint. */
    private void fetch(String kind, TransferSource source, List<String> addresses, long from, long to, GatherRequest req,
                       List<Transfer> into, List<RpcCheckpointStore.Checkpoint> checkpoints) {
        Map<String, RpcCheckpointStore.Checkpoint> known = req.checkpoints() == null ? Map.of()
                : req.checkpoints().find(CHAIN.id(), kind, addresses);
        Map<List<Long>, List<String>> byRange = new LinkedHashMap<>();
        for (String a : addresses) {
            RpcCheckpointStore.Checkpoint cp = known.get(a);
            long newFrom = from, newTo = to;
            if (cp == null) {
                byRange.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(a);
            } else {
                if (from < cp.fromBlock()) byRange.computeIfAbsent(List.of(from, Math.min(to, cp.fromBlock() - 1)), k -> new ArrayList<>()).add(a);
                if (to > cp.toBlock()) byRange.computeIfAbsent(List.of(Math.max(from, cp.toBlock() + 1), to), k -> new ArrayList<>()).add(a);
                newFrom = Math.min(from, cp.fromBlock());
                newTo = Math.max(to, cp.toBlock());
            }
            checkpoints.add(new RpcCheckpointStore.Checkpoint(CHAIN.id(), a, kind, newFrom, newTo));
        }
        for (Map.Entry<List<Long>, List<String>> e : byRange.entrySet()) {
            long a = e.getKey().get(0), b = e.getKey().get(1);
            if (a > b) continue;
            into.addAll(source.fetch(kind, e.getValue(), a, b));
        }
    }

    /**
     * The collected transfers an earlier run already stored. An address expanded for the first time is read over its
     * whole block range, so its transfers with addresses gathered before come back; stored segments are concatenated,
     * not de-duplicated, so storing them again would count them twice in the trace.
     */
    private static Set<Transfer> alreadyStored(ChainLedger previous, Set<Transfer> collected) {
        if (previous == null || previous.size() == 0) return Set.of();
        Map<Long, List<Transfer>> candidates = new HashMap<>();
        for (Transfer t : collected) {
            if (t.blockNumber() <= previous.maxBlock()) {
                candidates.computeIfAbsent(OrderKey.of(t.blockNumber(), t.position(), t.subPosition()), k -> new ArrayList<>()).add(t);
            }
        }
        Set<Transfer> out = new HashSet<>();
        if (candidates.isEmpty()) return out;
        for (int i = 0; i < previous.size(); i++) {
            List<Transfer> c = candidates.get(previous.key(i));
            if (c == null) continue;
            String asset = previous.assetInfo(previous.asset(i)).asset();
            for (Transfer t : c) {
                if (t.asset().equals(asset) && t.txHash().equals(previous.txHash(i)) && t.kind() == previous.kind(i)) out.add(t);
            }
        }
        return out;
    }

    private static Map<String, Set<String>> adjacency(ChainLedger ledger) {
        Map<String, Set<String>> out = new HashMap<>();
        if (ledger == null) return out;
        for (int i = 0; i < ledger.size(); i++) {
            if (!ledger.movesValue(i)) continue;
            String f = ledger.addresses().hex(ledger.from(i)), t = ledger.addresses().hex(ledger.to(i));
            out.computeIfAbsent(f, k -> new HashSet<>()).add(t);
            out.computeIfAbsent(t, k -> new HashSet<>()).add(f);
        }
        return out;
    }

    /** Block timestamps for transfers that came without them, one header per block, batched. */
    private static List<Transfer> withTimes(RpcClient client, Set<Transfer> collected) {
        Set<Long> missing = new TreeSet<>();
        for (Transfer t : collected) if (t.blockTime() == null) missing.add(t.blockNumber());
        Map<Long, Instant> times = new HashMap<>();
        if (!missing.isEmpty()) {
            List<Long> blocks = List.copyOf(missing);
            List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
            for (long b : blocks) reqs.add(client.json("eth_getBlockByNumber", AdaptiveWindows.hex(b), false));
            List<JsonResponse> rs = client.batch(reqs);
            for (int i = 0; i < rs.size(); i++) {
                JsonResponse r = rs.get(i);
                if (r.hasError()) throw client.error("eth_getBlockByNumber " + blocks.get(i), r.getError());
                if (r.getResult() == null || r.getResult().isNull()) throw new RpcException("block " + blocks.get(i) + " vanished from " + client.redactedUrl());
                times.put(blocks.get(i), Instant.ofEpochSecond(NodeRecords.quantity(r.getResult().get("timestamp"))));
            }
        }
        List<Transfer> out = new ArrayList<>(collected.size());
        for (Transfer t : new LinkedHashSet<>(collected)) out.add(t.blockTime() != null ? t : NodeRecords.withTime(t, times.get(t.blockNumber())));
        List<Transfer> dedup = new ArrayList<>(new LinkedHashSet<>(out));
        dedup.sort(Comparator.comparingLong(Transfer::blockNumber).thenComparing(Transfer::asset)
                .thenComparingInt(Transfer::position).thenComparingInt(Transfer::subPosition));
        return dedup;
    }

    /**
     * Symbol and decimals of each token: from earlier runs' answers, else by eth_call (and kept for later runs when
     * the contract itself answered). A token left unknown is named in the warnings: reports show it by its contract
     * address, and its amounts raw.
     */
    private static List<AssetInfo> tokenInfo(RpcClient client, TokenMetadataCache cache, List<Transfer> transfers, long block,
                                             List<String> warnings) {
        List<String> tokens = transfers.stream().filter(t -> !t.isNative()).map(Transfer::asset).distinct().sorted().toList();
        Map<String, AssetInfo> known = new HashMap<>(cache == null || tokens.isEmpty() ? Map.of() : cache.find(CHAIN.id(), tokens));
        List<String> ask = tokens.stream().filter(t -> !known.containsKey(t)).toList();
        List<AssetInfo> answered = new ArrayList<>();
        TokenCalls.read(client, ask, block).forEach((token, a) -> {
            known.put(token, a.info());
            if (a.answered()) answered.add(a.info());
            else warnings.add("token " + token + ": " + client.redactedUrl() + " failed symbol() or decimals() by eth_call; "
                    + "unknown in this run, asked again on the next");
        });
        if (cache != null && !answered.isEmpty()) cache.save(CHAIN.id(), answered);
        List<AssetInfo> out = tokens.stream().map(known::get).toList();
        for (AssetInfo a : out) {
            String w = TokenCalls.warning(a);
            if (w != null) warnings.add(w);
        }
        return out;
    }
}
