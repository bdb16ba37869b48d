package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The multi-input heuristic (utxo.md, "Address clustering"): every non-coinbase transaction that is not
 * CoinJoin-shaped links its distinct input holders (addressless and shielded inputs do not count). Clusters are
 * the connected components, kept in a union-find with path halving and union by size.
 */
final class AddressClusters {

    private final CoinLedger ledger;
    private final int[] parent;
    private final int[] size;
    /** Transactions that linked two or more addresses. */
    private final BitSet linking = new BitSet();
    private final BitSet coinJoins = new BitSet();

    private AddressClusters(CoinLedger ledger) {
        this.ledger = ledger;
        int n = ledger.addressCount();
        parent = new int[n];
        size = new int[n];
        for (int a = 0; a < n; a++) { parent[a] = a; size[a] = 1; }
    }

    static AddressClusters of(CoinLedger ledger) {
        AddressClusters clusters = new AddressClusters(ledger);
        for (int t = 0; t < ledger.txCount(); t++) clusters.link(t);
        return clusters;
    }

    private void link(int t) {
        if (ledger.isCoinbase(t) || ledger.inputEnd(t) - ledger.inputStart(t) < 2) return;
        if (CoinJoinShape.test(ledger, t)) {
            coinJoins.set(t);
            return;
        }
        int first = CoinLedger.NO_HOLDER;
        for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
            int a = ledger.holder(ledger.inputCoin(i));
            if (a == CoinLedger.NO_HOLDER) continue;
            if (first == CoinLedger.NO_HOLDER) {
                first = a;
            } else if (a != first) {
                union(first, a);
                linking.set(t);
            }
        }
    }

    int root(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private void union(int a, int b) {
        int ra = root(a), rb = root(b);
        if (ra == rb) return;
        if (size[ra] < size[rb]) { int s = ra; ra = rb; rb = s; }
        parent[rb] = ra;
        size[ra] += size[rb];
    }

    /**
     * One cluster per cluster holding a seed, ordered by its first seed. A seed the ledger holds no coin for was
     * never co-spent: it is its own cluster, with no evidence.
     */
    List<Cluster> report(Collection<String> seeds) {
        // indexed by root address: every address of the ledger is looked up, so no boxed key per lookup
        Members[] byRoot = new Members[ledger.addressCount()];
        List<Members> clusters = new ArrayList<>();
        for (String seed : new TreeSet<>(seeds)) {
            int id = ledger.addressId(seed);
            Members m = id < 0 ? null : byRoot[root(id)];
            if (m == null) {
                m = new Members();
                clusters.add(m);
                if (id >= 0) byRoot[root(id)] = m;
                else m.addresses.add(seed);
            }
            m.seeds.add(seed);
        }
        for (int a = 0; a < ledger.addressCount(); a++) {
            Members m = byRoot[root(a)];
            if (m != null) m.addresses.add(ledger.address(a));
        }
        for (int t = linking.nextSetBit(0); t >= 0; t = linking.nextSetBit(t + 1)) {
            Members m = byRoot[root(firstHolder(t))];
            if (m != null) m.evidence.add(ledger.txHash(t));
        }
        for (int t = coinJoins.nextSetBit(0); t >= 0; t = coinJoins.nextSetBit(t + 1)) {
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                int a = ledger.holder(ledger.inputCoin(i));
                Members m = a < 0 ? null : byRoot[root(a)];
                if (m != null) m.excludedCoinJoins.add(ledger.txHash(t));
            }
        }
        String chain = ledger.chain().id();
        return clusters.stream().map(m -> new Cluster(chain, List.copyOf(m.seeds), m.addresses.size(),
                List.copyOf(m.addresses), List.copyOf(m.evidence), List.copyOf(m.excludedCoinJoins),
                Cluster.HEURISTIC)).toList();
    }

    private int firstHolder(int t) {
        for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
            int a = ledger.holder(ledger.inputCoin(i));
            if (a != CoinLedger.NO_HOLDER) return a;
        }
        throw new IllegalStateException("a linking transaction without a holder: " + ledger.txHash(t));
    }

    /** Sorted sets: String order is byte order for the ASCII of addresses and txids. */
    private static final class Members {
        final TreeSet<String> seeds = new TreeSet<>(), addresses = new TreeSet<>(), evidence = new TreeSet<>(),
                excludedCoinJoins = new TreeSet<>();
    }
}
