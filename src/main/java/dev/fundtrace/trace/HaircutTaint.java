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

    private static final int SEED = 1, REACHED = 2, SERVICE = 4;

    public static Taint compute(AssetGraph g, ChainLedger ledger, boolean[] seed, boolean[] service, Reach forward) {
        int n = g.n;
        // what the pass asks of an address, in one byte: two random reads per transfer from an array a quarter
        // the size of the hop numbers, instead of four from three arrays (the pass waits on memory, not on sums)
        byte[] state = new byte[n];
        for (int v = 0; v < n; v++) {
            state[v] = (byte) ((seed[v] ? SEED : 0) | (forward.hop[v] > 0 ? REACHED : 0) | (service[v] ? SERVICE : 0));
        }
        ExactBalances balance = new ExactBalances(n);
        double[] tainted = new double[n];   // T
        double[] received = new double[n];
        double[] carried = new double[g.m];
        double left = 0, toSeeds = 0;
        double[] keep = new double[1];
        for (int e = 0; e < g.m; e++) {
            int u = g.src[e], v = g.dst[e];
            int su = state[u], sv = state[v];
            if (((su | sv) & (SEED | REACHED)) == 0) continue; // no taint can move, no balance that matters changes
            boolean receiverMatters = (sv & (REACHED | SEED)) == REACHED;
            int row = g.row[e];
            boolean small = ledger.isSmall(row);
            long y = small ? ledger.smallAmount(row) : 0;
            BigInteger yBig = small ? null : ledger.amount(row);

            double t = 0;
            if ((su & SEED) != 0) {
                t = small ? (double) y : yBig.doubleValue();
            } else if ((su & (REACHED | SERVICE)) == REACHED) {
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
                if ((sv & SERVICE) == 0) balance.add(v, y, yBig);
                tainted[v] += t;
                received[v] += t;
            } else if (t > 0) {
                left += t;
                if ((sv & SEED) != 0) toSeeds += t;
            }
            carried[e] = t;
        }
        return new Taint(received, carried, left, toSeeds);
    }
}
