package dev.fundtrace.trace;

import dev.fundtrace.ledger.store.ChainLedger;

import java.math.BigInteger;

/**
 * Amounts for backward exposures. A funding source at hop 1 is credited with everything it sent to seeds; one
 * at hop h >= 2 with what it sent to addresses at hop h-1 before their latest departure at that level, i.e.
 * the transfers that start one of its shortest chains toward a seed.
 */
final class BackwardAmounts {
    private BackwardAmounts() {}

    static BigInteger[] compute(AssetGraph g, ChainLedger ledger, boolean[] seed, boolean[] service, Reach back) {
        BigInteger[] sum = new BigInteger[g.n];
        for (int u = 0; u < g.n; u++) {
            int h = back.hop[u];
            if (h == 0) continue;
            BigInteger total = BigInteger.ZERO;
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                int e = g.outEdge[i], x = g.dst[e];
                boolean counts = h == 1 ? seed[x]
                        : !seed[x] && !service[x] && back.hop[x] == h - 1 && e < back.edgeAt(h - 1, x);
                if (counts) total = total.add(ledger.amount(g.row[e]));
            }
            sum[u] = total;
        }
        return sum;
    }
}
