package dev.fundtrace.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of a temporal hop-by-hop pass over one asset graph (forward or backward).
 * {@code hop[v]} is 0 for addresses not reached. {@code levelEdge[h][v]} is the edge by which v is best
 * reached at exactly h hops (earliest arrival forward, latest departure backward), or -1.
 */
public final class Reach {

    final boolean forward;
    final int[] hop;
    final int[][] levelEdge;
    final int reachedCount;

    Reach(boolean forward, int[] hop, int[][] levelEdge, int reachedCount) {
        this.forward = forward;
        this.hop = hop;
        this.levelEdge = levelEdge;
        this.reachedCount = reachedCount;
    }

    public boolean forward() { return forward; }

    public int hop(int v) { return hop[v]; }

    public boolean reached(int v) { return hop[v] > 0; }

    public int reachedCount() { return reachedCount; }

    /** The edge that reaches v at exactly {@code h} hops, or -1. */
    public int edgeAt(int h, int v) {
        int[] level = h < levelEdge.length ? levelEdge[h] : null;
        return level == null ? -1 : level[v];
    }

    /**
     * The earliest edge by which v is reached over any number of hops (forward: its first tainted inflow under
     * poison), or -1. The earliest over all levels is exact even though a level holds only arrivals that were
     * found by expanding improving ones: a pruned chain can only arrive later.
     */
    public int firstArrival(int v) {
        int first = -1;
        for (int[] level : levelEdge) {
            if (level != null && level[v] >= 0 && (first < 0 || level[v] < first)) first = level[v];
        }
        return first;
    }

    /**
     * The seed (local id) at the start of every reached address's representative chain ({@link #path}), -1 where
     * nothing was reached: level by level, each address's seed is that of the address it was reached from one
     * level down. One pass per level instead of a walk back per address, whose dependent lookups into the level
     * arrays were most of the time it took to write a large trace's exposures.
     */
    public int[] seeds(AssetGraph g) {
        int n = hop.length;
        int[] seedOf = new int[n];
        java.util.Arrays.fill(seedOf, -1);
        int[] below = new int[n], here = new int[n];
        for (int u = 0; u < n; u++) below[u] = u; // level 0: every address is its own start
        for (int h = 1; h < levelEdge.length; h++) {
            int[] level = levelEdge[h];
            if (level == null) break;
            for (int u = 0; u < n; u++) {
                int e = level[u];
                here[u] = e < 0 ? -1 : below[forward ? g.src[e] : g.dst[e]];
                if (hop[u] == h) seedOf[u] = here[u];
            }
            int[] t = below;
            below = here;
            here = t;
        }
        return seedOf;
    }

    /**
     * Representative chain for v: fewest hops, then earliest arrival (forward) or latest departure (backward).
     * Edges are listed from the seed side outward, i.e. in the order money moved for a forward trace and in
     * reverse time order for a backward one.
     */
    public List<Integer> path(AssetGraph g, int v) {
        List<Integer> edges = new ArrayList<>();
        int cur = v;
        for (int h = hop[v]; h >= 1; h--) {
            int e = levelEdge[h][cur];
            edges.add(e);
            cur = forward ? g.src[e] : g.dst[e];
        }
        java.util.Collections.reverse(edges);
        return edges;
    }
}
