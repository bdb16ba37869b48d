package dev.fundtrace.trace;

/**
 * The transfers of one asset as primitive arrays: edges numbered in time order (edge id = rank in
 * {@code (block, position, sub)} order, so comparing ids compares order), and compressed adjacency lists by
 * sender and by receiver, each list ascending in order. Addresses are numbered locally (0..n-1).
 */
public final class AssetGraph {

    final int assetId;
    final int n;
    final int m;
    /** local address -> chain-wide address id */
    final int[] global;
    /** edge -> ledger row */
    final int[] row;
    final int[] src;
    final int[] dst;
    final int[] outStart;
    final int[] outEdge;
    final int[] inStart;
    final int[] inEdge;

    /** The adjacency lists a graph has: a graph walked in one direction only needs that direction's. */
    public enum Lists { BOTH, OUT, IN }

    /**
     * A graph whose nodes are not addresses (a UTXO chain's transactions, for {@link TemporalReach}): nodes
     * {@code 0..n-1}, the edges the first {@code m} of the arrays (no copy), numbered in the order given, which must
     * be time order; {@code row} is what each edge stands for (for coins, the ledger's input index). It has only the
     * lists a walk in one direction reads ({@code OUT}: forward, {@code IN}: backward); the other direction's are null.
     */
    public static AssetGraph ofNodes(int n, int m, int[] row, int[] src, int[] dst, Lists lists) {
        return new AssetGraph(-1, identity(n), m, row, src, dst, lists);
    }

    private static int[] identity(int n) {
        int[] identity = new int[n];
        for (int v = 0; v < n; v++) identity[v] = v;
        return identity;
    }

    AssetGraph(int assetId, int[] global, int[] row, int[] src, int[] dst) {
        this(assetId, global, row.length, row, src, dst, Lists.BOTH);
    }

    private AssetGraph(int assetId, int[] global, int m, int[] row, int[] src, int[] dst, Lists lists) {
        this.assetId = assetId;
        this.n = global.length;
        this.m = m;
        this.global = global;
        this.row = row;
        this.src = src;
        this.dst = dst;
        boolean out = lists != Lists.IN, in = lists != Lists.OUT;
        this.outStart = out ? new int[n + 1] : null;
        this.outEdge = out ? new int[m] : null;
        this.inStart = in ? new int[n + 1] : null;
        this.inEdge = in ? new int[m] : null;
        if (out && in) {
            // the two lists are independent: the receivers' on a second core while this one sorts the senders'
            var receivers = java.util.concurrent.CompletableFuture.runAsync(() -> bucket(dst, inStart, inEdge));
            bucket(src, outStart, outEdge);
            receivers.join();
        } else if (out) {
            bucket(src, outStart, outEdge);
        } else {
            bucket(dst, inStart, inEdge);
        }
    }

    /** Counting sort of edges by endpoint; edges are visited in id order so every list stays in time order. */
    private void bucket(int[] end, int[] start, int[] edges) {
        for (int e = 0; e < m; e++) start[end[e] + 1]++;
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        int[] fill = new int[n];
        for (int e = 0; e < m; e++) {
            int v = end[e];
            edges[start[v] + fill[v]++] = e;
        }
    }

    public int assetId() { return assetId; }

    public int addressCount() { return n; }

    public int edgeCount() { return m; }

    public int globalAddress(int local) { return global[local]; }

    public int ledgerRow(int edge) { return row[edge]; }

    public int src(int edge) { return src[edge]; }

    public int dst(int edge) { return dst[edge]; }

    public int outDegree(int v) { return outStart[v + 1] - outStart[v]; }

    public int outBegin(int v) { return outStart[v]; }

    public int outEnd(int v) { return outStart[v + 1]; }

    public int outEdgeAt(int i) { return outEdge[i]; }

    public int inBegin(int v) { return inStart[v]; }

    public int inEnd(int v) { return inStart[v + 1]; }

    public int inEdgeAt(int i) { return inEdge[i]; }

    /** Index into {@code outEdge} of v's first outgoing edge with id greater than {@code after}. */
    public int firstOutAfter(int v, int after) {
        int lo = outStart[v], hi = outStart[v + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (outEdge[mid] <= after) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Index into {@code inEdge} of v's first incoming edge with id greater than {@code after}. */
    public int firstInAfter(int v, int after) {
        int lo = inStart[v], hi = inStart[v + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inEdge[mid] <= after) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Index into {@code inEdge} just past v's last incoming edge with id smaller than {@code before}. */
    int endInBefore(int v, int before) {
        int lo = inStart[v], hi = inStart[v + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inEdge[mid] < before) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
