package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.Reach;
import dev.fundtrace.trace.TemporalReach;

/**
 * A UTXO ledger as the graph the account chains' kernel ({@link TemporalReach}) walks: the nodes are
 * transactions, which pass taint through, and each edge is a coin, from the transaction that created it to the
 * one that spent it. One extra node stands for the seeds: forward, an edge from it to every transaction that
 * spends a seed's coin; backward, an edge to it from every transaction that creates one. Edges are numbered in
 * the order the ledger spends them, so the kernel's time order is the spend order, and a transaction's hop is
 * 1 + the smallest hop of the coins that pass through it, as utxo.md defines it.
 *
 * <p>Only coins that can carry taint are edges: forward, a coin no service or seed holds and at or above the dust
 * limit (services keep what they receive, a seed's coin starts a chain, a dust output sends its share past the
 * horizon); backward, a coin no service or seed holds (services are reported, not followed).
 */
final class TransactionGraph {

    private TransactionGraph() {}

    /** Forward hops of every transaction a passing coin reaches within {@code levels} hops; 0 when none. */
    static Reach forward(CoinLedger ledger, AddressRoles roles, int levels, long dustRaw) {
        int seeds = ledger.txCount();
        Edges edges = new Edges(ledger.inputCount());
        for (int k = 0; k < seeds; k++) {
            int t = ledger.spendOrderAt(k);
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                int c = ledger.inputCoin(i), holder = ledger.holder(c);
                if (roles.isSeed(holder)) edges.add(i, seeds, t);
                else if (ledger.creator(c) >= 0 && !roles.isService(holder) && Math.max(0, ledger.value(c)) >= dustRaw)
                    edges.add(i, ledger.creator(c), t);
            }
        }
        return TemporalReach.forward(edges.graph(seeds + 1, AssetGraph.Lists.OUT), only(seeds), new boolean[seeds + 1], levels);
    }

    /** Backward hops: 1 for a transaction that creates a seed's coin, h + 1 for the creator of a coin it spends. */
    static Reach backward(CoinLedger ledger, AddressRoles roles, int levels) {
        int seeds = ledger.txCount();
        Edges edges = new Edges(ledger.inputCount() + 16);
        for (int k = 0; k < seeds; k++) {
            int t = ledger.spendOrderAt(k);
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                int c = ledger.inputCoin(i), holder = ledger.holder(c);
                if (ledger.creator(c) >= 0 && !roles.isSeed(holder) && !roles.isService(holder))
                    edges.add(i, ledger.creator(c), t);
            }
        }
        // last in edge order: a seed's coins end every chain the backward pass starts from
        for (int t = 0; t < ledger.txCount(); t++) {
            for (int c = ledger.outputStart(t); c < ledger.outputEnd(t); c++) {
                if (roles.isSeed(ledger.holder(c))) {
                    edges.add(-1, t, seeds);
                    break;
                }
            }
        }
        return TemporalReach.backward(edges.graph(seeds + 1, AssetGraph.Lists.IN), only(seeds), new boolean[seeds + 1], levels);
    }

    private static boolean[] only(int node) {
        boolean[] marked = new boolean[node + 1];
        marked[node] = true;
        return marked;
    }

    /** Edge columns, grown as needed. */
    private static final class Edges {
        int[] input, src, dst;
        int m;

        Edges(int capacity) {
            input = new int[Math.max(capacity, 16)];
            src = new int[input.length];
            dst = new int[input.length];
        }

        void add(int inputIndex, int from, int to) {
            if (m == input.length) {
                input = java.util.Arrays.copyOf(input, m * 2);
                src = java.util.Arrays.copyOf(src, m * 2);
                dst = java.util.Arrays.copyOf(dst, m * 2);
            }
            input[m] = inputIndex;
            src[m] = from;
            dst[m++] = to;
        }

        /**
         * The graph of the edges added, over the columns as they are (sized for every input, not copied to fit), with
         * the lists of the one direction it is walked in.
         */
        AssetGraph graph(int nodes, AssetGraph.Lists lists) {
            return AssetGraph.ofNodes(nodes, m, input, src, dst, lists);
        }
    }
}
