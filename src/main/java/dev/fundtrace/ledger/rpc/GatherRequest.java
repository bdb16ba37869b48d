package dev.fundtrace.ledger.rpc;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.store.ChainLedger;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to gather from a node.
 *
 * @param seeds       designated addresses, the start of the growth
 * @param services    labelled service addresses: transfers with them are kept, but they are never expanded
 * @param maxHops     the trace horizon; addresses up to this many hops away are expanded (so their balances are whole)
 * @param fromBlock   first block (inclusive)
 * @param toBlock     last block, a number or {@code latest}; never above head - confirmations
 * @param checkpoints null for a one-off gather
 * @param previous    the ledger stored by earlier runs (null if none): its transfers count when growing the frontier,
 *                    so hops found earlier are kept when only new blocks are fetched
 * @param tokens      what token contracts answered to symbol() and decimals() on earlier runs; null: ask them all
 */
public record GatherRequest(String rpcUrl, Set<String> seeds, Set<String> services, int maxHops, long fromBlock,
                            String toBlock, int confirmations, JobDefinition.Rpc options,
                            RpcCheckpointStore checkpoints, ChainLedger previous, TokenMetadataCache tokens) {

    public GatherRequest {
        seeds = lower(seeds);
        services = lower(services);
        if (maxHops < 0) throw new IllegalArgumentException("maxHops < 0");
        if (confirmations < 0) throw new IllegalArgumentException("confirmations < 0");
        if (toBlock == null) toBlock = "latest";
    }

    /** Without a token metadata cache. */
    public GatherRequest(String rpcUrl, Set<String> seeds, Set<String> services, int maxHops, long fromBlock, String toBlock,
                         int confirmations, JobDefinition.Rpc options, RpcCheckpointStore checkpoints, ChainLedger previous) {
        this(rpcUrl, seeds, services, maxHops, fromBlock, toBlock, confirmations, options, checkpoints, previous, null);
    }

    /** From the job file's ledger.ethereum section. */
    public static GatherRequest of(JobDefinition.EthereumLedger e, Set<String> seeds, Set<String> services, int maxHops,
                                   RpcCheckpointStore checkpoints, ChainLedger previous, TokenMetadataCache tokens) {
        return new GatherRequest(e.rpc(), seeds, services, maxHops, e.fromBlock() == null ? 0 : e.fromBlock(),
                e.toBlock(), e.confirmations(), e.rpcOptions(), checkpoints, previous, tokens);
    }

    private static Set<String> lower(Set<String> in) {
        Set<String> out = new TreeSet<>();
        if (in != null) for (String s : in) out.add(s.trim().toLowerCase(Locale.ROOT));
        return Set.copyOf(out);
    }
}
