package dev.fundtrace.trace;

import dev.fundtrace.ledger.LedgerView;

import java.math.BigInteger;

/**
 * Amounts for backward exposures. A funding source at hop 1 is credited with everything it sent to seeds; one
 * at hop h >= 2 with what it sent to addresses at level h-1 (reaching a seed over exactly h-1 hops, whatever
 * their own smallest hop) before their latest departure at that level, i.e. the transfers that start one of
 * its shortest chains toward a seed.
 */
final class BackwardAmounts {
    private BackwardAmounts() {}

    static BigInteger[] compute(AssetGraph g, LedgerView ledger, boolean[] seed, boolean[] service, Reach back) {
        BigInteger[] sum = new BigInteger[g.n];
        for (int u = 0; u < g.n; u++) {
            int h = back.hop[u];
            if (h == 0) continue;
            long small = 0;              // exact while it fits a long, as most sums do
            BigInteger total = null;
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                int e = g.outEdge[i], x = g.dst[e];
                // h >= 2: x departs toward a seed over exactly h-1 hops after e (x's own smallest hop may be
                // lower: a hop-1 address that pays a seed early and forwards later money over a longer chain)
                int departure = h == 1 ? -1 : back.edgeAt(h - 1, x);
                boolean counts = h == 1 ? seed[x]
                        : !seed[x] && !service[x] && departure >= 0 && e < departure;
                if (!counts) continue;
                int row = g.row[e];
                if (total == null && ledger.isSmall(row)) {
                    long y = ledger.smallAmount(row), r = small + y;
                    if (((small ^ r) & (y ^ r)) >= 0) { small = r; continue; }
                }
                if (total == null) total = BigInteger.valueOf(small);
                total = total.add(ledger.amount(row));
            }
            sum[u] = total != null ? total : BigInteger.valueOf(small);
        }
        return sum;
    }
}
