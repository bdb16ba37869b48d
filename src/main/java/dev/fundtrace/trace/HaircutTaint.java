package dev.fundtrace.trace;

import dev.fundtrace.ledger.store.ChainLedger;

import java.math.BigInteger;

/**
 * Haircut (proportional) taint, exactly the procedure in {@code tracing.md}, in exact integers: every transfer
 * of the asset in order; a seed's transfer carries its whole amount; otherwise a transfer of y out of u carries
 * {@code t = 0} if {@code B_u <= 0}, else {@code t = min(T_u, floor(y·T_u / B_u))}, then {@code B_u = max(0, B_u - y)}
 * and {@code T_u = T_u - t}; the receiver gets {@code B_v += y}, and {@code T_v += t} only when reached and not
 * a seed (else t leaves the horizon); services keep what they receive and pass nothing on.
 *
 * <p>B and T are held as 128-bit integers in pairs of longs ({@link U128}: the product y·T is formed exactly and
 * divided, no floating point), which covers every ETH amount; an address whose B passes 2^127 (uint256 token
 * amounts), or a transfer of 2^127 or more, is computed with BigInteger instead.
 *
 * <p>Only addresses that are reached can hold taint, so transfers touching neither a seed nor a reached address
 * are skipped without changing the result. Two invariants keep the arithmetic in range: {@code T <= B} for every
 * address, and {@code t <= y} for every transfer.
 */
public final class HaircutTaint {

    private HaircutTaint() {}

    /** State bits per address; BIG: its B and T are held as BigIntegers. */
    private static final int SEED = 1, REACHED = 2, SERVICE = 4, BIG = 8;

    public static Taint compute(AssetGraph g, ChainLedger ledger, boolean[] seed, boolean[] service, Reach forward) {
        return new Pass(g, ledger, seed, service, forward).run();
    }

    private static final class Pass {
        final AssetGraph g;
        final ChainLedger ledger;
        // what the pass asks of an address, in one byte: two random reads per transfer from an array a quarter
        // the size of the hop numbers, instead of four from three arrays (the pass waits on memory, not on sums)
        final byte[] state;
        /**
         * B and T of addresses without the BIG bit, each below 2^127 as (hi, lo), side by side: address v at
         * {@code 4v} (B lo, B hi, T lo, T hi), so that its four longs share a cache line (or two), where four
         * arrays would cost four misses per address
         */
        final long[] bt;
        /** B and T of addresses with the BIG bit; made on first need */
        BigInteger[] bigB, bigT;
        final ExactColumn received, carried;
        /** 0: taint that left the horizon, 1: the part of it that went back to seeds */
        final ExactColumn totals = new ExactColumn(2);
        final U128 w = new U128();
        /** t from the BigInteger path: (tH, tL) below 2^127, else tBig */
        long tH, tL;
        BigInteger tBig;

        Pass(AssetGraph g, ChainLedger ledger, boolean[] seed, boolean[] service, Reach forward) {
            this.g = g;
            this.ledger = ledger;
            int n = g.n;
            state = new byte[n];
            for (int v = 0; v < n; v++) {
                state[v] = (byte) ((seed[v] ? SEED : 0) | (forward.hop[v] > 0 ? REACHED : 0) | (service[v] ? SERVICE : 0));
            }
            bt = new long[4 * n];
            received = new ExactColumn(n);
            carried = new ExactColumn(g.m);
        }

        Taint run() {
            final int m = g.m;
            final int[] src = g.src, dst = g.dst, rows = g.row;
            final byte[] state = this.state;
            final long[] bt = this.bt;
            final U128 w = this.w;
            for (int e = 0; e < m; e++) {
                int u = src[e], v = dst[e];
                int su = state[u];
                if (((su | state[v]) & (SEED | REACHED)) == 0) continue; // no taint can move, no balance that matters changes
                int row = rows[e];
                long yh, yl;
                BigInteger yBig = null; // y when 2^127 or more
                if (ledger.isSmall(row)) {
                    yh = 0;
                    yl = ledger.smallAmount(row);
                } else {
                    BigInteger y = ledger.amount(row);
                    if (U128.fits(y)) {
                        yh = U128.hiOf(y);
                        yl = y.longValue();
                    } else {
                        yBig = y;
                        yh = 0;
                        yl = 0;
                    }
                }

                long th = 0, tl = 0;
                BigInteger tb = null;
                if ((su & SEED) != 0) {
                    th = yh;
                    tl = yl;
                    tb = yBig;
                } else if ((su & (REACHED | SERVICE)) == REACHED) {
                    if (yBig == null && (su & BIG) == 0) {
                        int i = u << 2;
                        long bl = bt[i], bh = bt[i + 1];
                        if ((bh | bl) != 0) { // B > 0
                            if (U128.compare(yh, yl, bh, bl) >= 0) {
                                // y >= B: floor(y·T/B) >= T, so t = T; B = max(0, B - y) = 0
                                tl = bt[i + 2];
                                th = bt[i + 3];
                                bt[i] = 0;
                                bt[i + 1] = 0;
                                bt[i + 2] = 0;
                                bt[i + 3] = 0;
                            } else {
                                long ul = bt[i + 2], uh = bt[i + 3];
                                if ((uh | ul) != 0) {
                                    w.mulDiv(yh, yl, uh, ul, bh, bl);
                                    th = w.hi;
                                    tl = w.lo;
                                    if (U128.compare(th, tl, uh, ul) > 0) { // min(T, ·); never taken while T <= B
                                        th = uh;
                                        tl = ul;
                                    }
                                    bt[i + 2] = ul - tl;
                                    bt[i + 3] = uh - th - (Long.compareUnsigned(ul, tl) < 0 ? 1 : 0);
                                }
                                bt[i] = bl - yl;
                                bt[i + 1] = bh - yh - (Long.compareUnsigned(bl, yl) < 0 ? 1 : 0);
                            }
                        }
                    } else {
                        spendBig(u, yBig != null ? yBig : U128.toBig(yh, yl));
                        th = tH;
                        tl = tL;
                        tb = tBig;
                    }
                }

                boolean tainted = tb != null || (th | tl) != 0;
                int sv = state[v]; // read after the sender's part: u may be v, and may have become BIG
                if ((sv & (REACHED | SEED)) == REACHED) {
                    if ((sv & SERVICE) == 0) {
                        boolean done = false;
                        if (yBig == null && tb == null && (sv & BIG) == 0) {
                            int i = v << 2;
                            long bl = bt[i], s = bl + yl;
                            long sh = bt[i + 1] + yh + (Long.compareUnsigned(s, bl) < 0 ? 1 : 0);
                            if (sh >= 0) { // B + y below 2^127; T + t <= B + y then too
                                bt[i] = s;
                                bt[i + 1] = sh;
                                if (tainted) {
                                    long xl = bt[i + 2], x = xl + tl;
                                    bt[i + 3] += th + (Long.compareUnsigned(x, xl) < 0 ? 1 : 0);
                                    bt[i + 2] = x;
                                }
                                done = true;
                            }
                        }
                        if (!done) {
                            creditBig(v, yBig != null ? yBig : U128.toBig(yh, yl),
                                    tb != null ? tb : tainted ? U128.toBig(th, tl) : BigInteger.ZERO);
                        }
                    }
                    if (tainted) {
                        if (tb != null) received.add(v, tb);
                        else received.add(v, th, tl);
                    }
                } else if (tainted) {
                    add(totals, 0, th, tl, tb);
                    if ((sv & SEED) != 0) add(totals, 1, th, tl, tb);
                }
                if (tainted) {
                    if (tb != null) carried.set(e, tb);
                    else carried.set(e, th, tl);
                }
            }
            return new Taint(received, carried, totals.get(0), totals.get(1));
        }

        private static void add(ExactColumn c, int i, long th, long tl, BigInteger tb) {
            if (tb != null) c.add(i, tb);
            else c.add(i, th, tl);
        }

        private BigInteger b(int v) { return (state[v] & BIG) != 0 ? bigB[v] : U128.toBig(bt[4 * v + 1], bt[4 * v]); }

        private BigInteger t(int v) { return (state[v] & BIG) != 0 ? bigT[v] : U128.toBig(bt[4 * v + 3], bt[4 * v + 2]); }

        /** The sender's part of the rule with BigIntegers; t into tH/tL/tBig. */
        private void spendBig(int u, BigInteger y) {
            BigInteger b = b(u), tu = t(u), t = BigInteger.ZERO;
            if (b.signum() > 0) {
                t = tu.min(y.multiply(tu).divide(b));
                b = b.subtract(y).max(BigInteger.ZERO);
                tu = tu.subtract(t);
            }
            store(u, b, tu);
            if (U128.fits(t)) {
                tH = U128.hiOf(t);
                tL = t.longValue();
                tBig = null;
            } else {
                tH = 0;
                tL = 0;
                tBig = t;
            }
        }

        /** The receiver's part with BigIntegers: B += y, T += t. */
        private void creditBig(int v, BigInteger y, BigInteger t) {
            store(v, b(v).add(y), t(v).add(t));
        }

        /** Keeps B and T of v in the longs when both fit, else as BigIntegers (and marks v BIG). */
        private void store(int v, BigInteger b, BigInteger t) {
            if (U128.fits(b) && U128.fits(t)) {
                bt[4 * v] = b.longValue();
                bt[4 * v + 1] = U128.hiOf(b);
                bt[4 * v + 2] = t.longValue();
                bt[4 * v + 3] = U128.hiOf(t);
                if ((state[v] & BIG) != 0) {
                    state[v] &= ~BIG;
                    bigB[v] = null;
                    bigT[v] = null;
                }
            } else {
                if (bigB == null) {
                    bigB = new BigInteger[g.n];
                    bigT = new BigInteger[g.n];
                }
                bigB[v] = b;
                bigT[v] = t;
                state[v] |= BIG;
            }
        }
    }
}
