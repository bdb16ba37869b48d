package dev.fundtrace.trace;

import java.util.Arrays;

/**
 * Poison reach, hop by hop, as {@code tracing.md} defines it.
 *
 * <p>Forward: level h holds, for every address, the earliest edge that arrives there over a chain of exactly h
 * time-increasing transfers from a seed. Only an arrival that beats every earlier level is expanded further:
 * a later arrival with more hops can reach nothing new (whatever it reaches, the earlier one reaches sooner and
 * in fewer hops), which keeps the pass linear in the edges it touches even around hub addresses.
 * Backward is the mirror image: latest departure, incoming edges, strictly earlier order.
 *
 * <p>Seeds start chains and are never reached; services (labelled addresses) can be reached but are never
 * expanded.
 */
public final class TemporalReach {

    private static final int NONE = -1;

    private TemporalReach() {}

    public static Reach forward(AssetGraph g, boolean[] seed, boolean[] service, int maxHops) {
        return run(g, seed, service, maxHops, true);
    }

    public static Reach backward(AssetGraph g, boolean[] seed, boolean[] service, int maxHops) {
        return run(g, seed, service, maxHops, false);
    }

    private static Reach run(AssetGraph g, boolean[] seed, boolean[] service, int maxHops, boolean forward) {
        int n = g.n;
        int[] hop = new int[n];
        int[][] levelEdge = new int[maxHops + 1][];
        // best[v]: the best arrival (forward: smallest edge id) over all levels so far
        int[] best = new int[n];
        Arrays.fill(best, forward ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        int[] next = new int[n];
        Arrays.fill(next, forward ? Integer.MAX_VALUE : Integer.MIN_VALUE);

        // the frontier: addresses to expand at this level and the edge each one is reached by (seeds: none)
        int[] frontier = new int[16];
        int[] frontierEdge = new int[16];
        int frontierSize = 0;
        for (int v = 0; v < n; v++) {
            if (!seed[v]) continue;
            if (frontierSize == frontier.length) {
                frontier = Arrays.copyOf(frontier, frontierSize * 2);
                frontierEdge = Arrays.copyOf(frontierEdge, frontierSize * 2);
            }
            frontier[frontierSize] = v;
            frontierEdge[frontierSize++] = forward ? NONE : Integer.MAX_VALUE;
        }

        int[] touched = new int[16];
        int reachedCount = 0;
        for (int h = 1; h <= maxHops && frontierSize > 0; h++) {
            int[] level = new int[n];
            Arrays.fill(level, NONE);
            int touchedSize = 0;
            for (int f = 0; f < frontierSize; f++) {
                int u = frontier[f], arrival = frontierEdge[f];
                if (forward) {
                    for (int i = g.firstOutAfter(u, arrival), end = g.outStart[u + 1]; i < end; i++) {
                        int e = g.outEdge[i], w = g.dst[e];
                        if (seed[w] || e >= next[w]) continue;
                        if (level[w] == NONE) touched = push(touched, touchedSize++, w);
                        next[w] = e;
                        level[w] = e;
                    }
                } else {
                    for (int i = g.inStart[u], end = g.endInBefore(u, arrival); i < end; i++) {
                        int e = g.inEdge[i], w = g.src[e];
                        if (seed[w] || e <= next[w]) continue;
                        if (level[w] == NONE) touched = push(touched, touchedSize++, w);
                        next[w] = e;
                        level[w] = e;
                    }
                }
            }
            levelEdge[h] = level;
            frontierSize = 0;
            for (int t = 0; t < touchedSize; t++) {
                int w = touched[t];
                int e = next[w];
                next[w] = forward ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                if (hop[w] == 0) {
                    hop[w] = h;
                    reachedCount++;
                }
                boolean improves = forward ? e < best[w] : e > best[w];
                if (!improves) continue;
                best[w] = e;
                if (service[w]) continue; // an endpoint: reached, never passes taint on
                if (frontierSize == frontier.length) {
                    frontier = Arrays.copyOf(frontier, frontierSize * 2);
                    frontierEdge = Arrays.copyOf(frontierEdge, frontierSize * 2);
                }
                frontier[frontierSize] = w;
                frontierEdge[frontierSize++] = e;
            }
        }
        return new Reach(forward, hop, levelEdge, reachedCount);
    }

    private static int[] push(int[] a, int i, int v) {
        if (i == a.length) a = Arrays.copyOf(a, i * 2);
        a[i] = v;
        return a;
    }
}
