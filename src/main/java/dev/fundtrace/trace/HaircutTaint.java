package dev.fundtrace.trace;

import dev.fundtrace.ledger.LedgerView;

import java.math.BigInteger;

/**
 * Haircut (proportional) taint, exactly the procedure in {@code tracing.md}, in exact integers: every transfer
 * of the asset in order; a seed's transfer carries its whole amount; otherwise a transfer of y out of u carries
 * {@code t = 0} if {@code B_u <= 0}, else {@code t = min(T_u, floor(y·T_u / B_u))}, then {@code B_u = max(0, B_u - y)}
 * and {@code T_u = T_u - t}; the receiver gets {@code B_v += y}, and {@code T_v += t} only when reached and not
 * a seed (else t leaves the horizon); services keep what they receive and pass nothing on.
 *
 * <p>No floating point: the product y·T is formed exactly and divided ({@link U128}). Three widths, chosen per
 * address and per transfer: B and T below 2^64 in one long each (the common case, one 128-by-64-bit division);
 * below 2^127 with a second long each (every ETH amount); beyond that (uint256 token amounts) BigInteger.
 *
 * <p>Only addresses that are reached can hold taint, so transfers touching neither a seed nor a reached address
 * are skipped without changing the result. Two invariants keep the arithmetic in range: {@code T <= B} for every
 * address, and {@code t <= y} for every transfer.
 */
public final class HaircutTaint {

    private HaircutTaint() {}

    /**
     * State bits per address. WIDE: B or T is 2^64 or more, their high words are in {@code hi}. BIG: B or T is
     * 2^127 or more, both are BigIntegers in {@code bigB}/{@code bigT}.
     */
    private static final int SEED = 1, REACHED = 2, SERVICE = 4, WIDE = 8, BIG = 16;

    public static Taint compute(AssetGraph g, LedgerView ledger, boolean[] seed, boolean[] service, Reach forward) {
        return new Pass(g, ledger, seed, service, forward).run();
    }

    private static final class Pass {
        final AssetGraph g;
        final LedgerView ledger;
        // what the pass asks of an address, in one byte: two random reads per transfer from an array a quarter
        // the size of the hop numbers, instead of four from three arrays (the pass waits on memory, not on sums)
        final byte[] state;
        /** low words of B and T side by side, address v at 2v and 2v + 1: one cache line for both */
        final long[] bt;
        /** high words of B and T of WIDE addresses, same places; made on first need */
        long[] hi;
        /** B and T of BIG addresses; made on first need */
        BigInteger[] bigB, bigT;
        final ExactColumn received, carried;
        /** 0: taint that left the horizon, 1: the part of it that went back to seeds */
        final ExactColumn totals = new ExactColumn(2);
        final U128 w = new U128();
        /** t from the wider paths: (tH, tL) below 2^127, else tBig */
        long tH, tL;
        BigInteger tBig;

        Pass(AssetGraph g, LedgerView ledger, boolean[] seed, boolean[] service, Reach forward) {
            this.g = g;
            this.ledger = ledger;
            int n = g.n;
            state = new byte[n];
            for (int v = 0; v < n; v++) {
                state[v] = (byte) ((seed[v] ? SEED : 0) | (forward.hop[v] > 0 ? REACHED : 0) | (service[v] ? SERVICE : 0));
            }
            bt = new long[2 * n];
            received = new ExactColumn(n);
            carried = new ExactColumn(g.m);
        }

        Taint run() {
            final int m = g.m;
            final int[] src = g.src, dst = g.dst, rows = g.row;
            final byte[] state = this.state;
            final long[] bt = this.bt;
            final LedgerView ledger = this.ledger;
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
                boolean narrowY = yBig == null && yh == 0; // y below 2^64

                long th = 0, tl = 0;
                BigInteger tb = null;
                if ((su & SEED) != 0) {
                    th = yh;
                    tl = yl;
                    tb = yBig;
                } else if ((su & (REACHED | SERVICE)) == REACHED) {
                    if (narrowY && (su & (WIDE | BIG)) == 0) { // y, B and T below 2^64
                        int i = u << 1;
                        long b = bt[i];
                        if (b != 0) { // B > 0
                            if (Long.compareUnsigned(yl, b) >= 0) {
                                // y >= B: floor(y·T/B) >= T, so t = T; B = max(0, B - y) = 0
                                tl = bt[i + 1];
                                bt[i] = 0;
                                bt[i + 1] = 0;
                            } else {
                                long t = bt[i + 1];
                                if (t != 0) {
                                    // y < B: y·T < B·2^64, so the quotient fits a long; it is at most T (T <= B)
                                    tl = U128.divlu(Math.unsignedMultiplyHigh(yl, t), yl * t, b);
                                    bt[i + 1] = t - tl;
                                }
                                bt[i] = b - yl;
                            }
                        }
                    } else {
                        spendWide(u, yh, yl, yBig);
                        th = tH;
                        tl = tL;
                        tb = tBig;
                    }
                }

                boolean tainted = tb != null || (th | tl) != 0;
                int sv = state[v]; // read after the sender's part: u may be v, and may have changed width
                if ((sv & (REACHED | SEED)) == REACHED) {
                    if ((sv & SERVICE) == 0) {
                        boolean done = false;
                        if (narrowY && (sv & (WIDE | BIG)) == 0) { // then t <= y is below 2^64 too
                            int i = v << 1;
                            long b = bt[i], s = b + yl;
                            if (Long.compareUnsigned(s, b) >= 0) { // B + y below 2^64; T + t <= B + y then too
                                bt[i] = s;
                                bt[i + 1] += tl;
                                done = true;
                            }
                        }
                        if (!done) creditWide(v, yh, yl, yBig, th, tl, tb);
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

        /** The sender's part when y, B or T is 2^64 or more: 128-bit longs, or BigInteger past 2^127. */
        private void spendWide(int u, long yh, long yl, BigInteger yBig) {
            if (yBig != null || (state[u] & BIG) != 0) {
                spendBig(u, yBig != null ? yBig : U128.toBig(yh, yl));
                return;
            }
            int i = u << 1;
            boolean wide = (state[u] & WIDE) != 0;
            long bl = bt[i], bh = wide ? hi[i] : 0, ul = bt[i + 1], uh = wide ? hi[i + 1] : 0;
            tH = 0;
            tL = 0;
            tBig = null;
            if ((bh | bl) == 0) return; // B = 0: t = 0, nothing changes
            if (U128.compare(yh, yl, bh, bl) >= 0) { // y >= B: t = T, B = 0
                tH = uh;
                tL = ul;
                storeWide(u, 0, 0, 0, 0);
                return;
            }
            if ((uh | ul) != 0) {
                w.mulDiv(yh, yl, uh, ul, bh, bl);
                long qh = w.hi, ql = w.lo;
                if (U128.compare(qh, ql, uh, ul) > 0) { // min(T, ·); never taken while T <= B
                    qh = uh;
                    ql = ul;
                }
                tH = qh;
                tL = ql;
                long nl = ul - ql;
                uh = uh - qh - (Long.compareUnsigned(ul, ql) < 0 ? 1 : 0);
                ul = nl;
            }
            long nl = bl - yl;
            bh = bh - yh - (Long.compareUnsigned(bl, yl) < 0 ? 1 : 0);
            storeWide(u, bh, nl, uh, ul);
        }

        /** The receiver's part when y, t, B or T is 2^64 or more, or B + y would be: B += y, T += t. */
        private void creditWide(int v, long yh, long yl, BigInteger yBig, long th, long tl, BigInteger tb) {
            if (yBig == null && tb == null && (state[v] & BIG) == 0) {
                int i = v << 1;
                boolean wide = (state[v] & WIDE) != 0;
                long bl = bt[i], bh = wide ? hi[i] : 0, ul = bt[i + 1], uh = wide ? hi[i + 1] : 0;
                long s = bl + yl;
                long sh = bh + yh + (Long.compareUnsigned(s, bl) < 0 ? 1 : 0);
                if (sh >= 0) { // B + y below 2^127; T + t <= B + y then too
                    long x = ul + tl;
                    long xh = uh + th + (Long.compareUnsigned(x, ul) < 0 ? 1 : 0);
                    storeWide(v, sh, s, xh, x);
                    return;
                }
            }
            BigInteger y = yBig != null ? yBig : U128.toBig(yh, yl);
            BigInteger t = tb != null ? tb : U128.toBig(th, tl);
            store(v, b(v).add(y), t(v).add(t));
        }

        /** Keeps B and T (below 2^127) of v in the longs, marking v WIDE when a high word is not zero. */
        private void storeWide(int v, long bh, long bl, long uh, long ul) {
            int i = v << 1;
            bt[i] = bl;
            bt[i + 1] = ul;
            if ((bh | uh) != 0) {
                if (hi == null) hi = new long[bt.length];
                hi[i] = bh;
                hi[i + 1] = uh;
                state[v] |= WIDE;
            } else {
                state[v] &= ~WIDE;
            }
        }

        private BigInteger b(int v) {
            if ((state[v] & BIG) != 0) return bigB[v];
            return U128.toBig((state[v] & WIDE) != 0 ? hi[2 * v] : 0, bt[2 * v]);
        }

        private BigInteger t(int v) {
            if ((state[v] & BIG) != 0) return bigT[v];
            return U128.toBig((state[v] & WIDE) != 0 ? hi[2 * v + 1] : 0, bt[2 * v + 1]);
        }

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

        /** Keeps B and T of v in the longs when both are below 2^127, else as BigIntegers (and marks v BIG). */
        private void store(int v, BigInteger b, BigInteger t) {
            if (U128.fits(b) && U128.fits(t)) {
                if ((state[v] & BIG) != 0) {
                    state[v] &= ~BIG;
                    bigB[v] = null;
                    bigT[v] = null;
                }
                storeWide(v, U128.hiOf(b), b.longValue(), U128.hiOf(t), t.longValue());
            } else {
                if (bigB == null) {
                    bigB = new BigInteger[g.n];
                    bigT = new BigInteger[g.n];
                }
                bigB[v] = b;
                bigT[v] = t;
                state[v] = (byte) ((state[v] & ~WIDE) | BIG);
            }
        }
    }
}
