package dev.fundtrace.trace;

import dev.fundtrace.ledger.store.ChainLedger;

import java.math.BigInteger;

/**
 * Haircut (proportional) taint, exactly the procedure in {@code tracing.md}: every transfer of the asset in
 * order; a seed's transfer carries its whole amount; otherwise {@code t = min(T, y·T/B)} with unknown earlier
 * balances treated as clean; receivers are credited only when reached and not a seed; services keep what they
 * receive and pass nothing on.
 *
 * <p>Only addresses that are reached can hold taint, so transfers touching neither a seed nor a reached address
 * are skipped without changing the result.
 */
public final class HaircutTaint {

    private HaircutTaint() {}

    public static Taint compute(AssetGraph g, ChainLedger ledger, boolean[] seed, boolean[] service, Reach forward) {
        int n = g.n;
        ExactBalances balance = new ExactBalances(n);
        double[] tainted = new double[n];   // T
        double[] received = new double[n];
        double[] carried = new double[g.m];
        double left = 0, toSeeds = 0;
        double[] keep = new double[1];
        for (int e = 0; e < g.m; e++) {
            int u = g.src[e], v = g.dst[e];
            boolean senderMatters = seed[u] || forward.hop[u] > 0;
            boolean receiverMatters = forward.hop[v] > 0 && !seed[v];
            if (!senderMatters && !receiverMatters && !seed[v]) continue;
            int row = g.row[e];
            boolean small = ledger.isSmall(row);
            long y = small ? ledger.smallAmount(row) : 0;
            BigInteger yBig = small ? null : ledger.amount(row);

            double t = 0;
            if (seed[u]) {
                t = small ? (double) y : yBig.doubleValue();
            } else if (forward.hop[u] > 0 && !service[u]) {
                if (balance.isPositive(u)) {
                    double share = balance.spend(u, y, yBig, keep);
                    if (tainted[u] > 0) {
                        // t = min(T, y·T/B) and T = T·(B-y)/B, with (B-y)/B from the exact difference: a share
                        // that merely rounds to 1.0 in a double (y/B = 2^60/(2^60+1)) must not empty T
                        t = Math.min(tainted[u], tainted[u] * share);
                        tainted[u] = tainted[u] * keep[0];
                    }
                }
            }
            if (receiverMatters) {
                if (!service[v]) balance.add(v, y, yBig);
                tainted[v] += t;
                received[v] += t;
            } else if (t > 0) {
                left += t;
                if (seed[v]) toSeeds += t;
            }
            carried[e] = t;
        }
        return new Taint(received, carried, left, toSeeds);
    }
}
