package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.Arrays;

/**
 * BlockSci's CoinJoin rule in GraphSense's deterministic form (utxo.md, "CoinJoin-shaped"). With
 * {@code p = floor((n_out + 1) / 2)}, a transaction is CoinJoin-shaped when {@code n_in >= 2}, {@code n_out >= 3},
 * {@code p <= n_in}, {@code p <=} its distinct input holders (addressless and shielded inputs do not count), and its
 * most frequent output value (the smallest of tied values) occurs exactly {@code p} times and is neither 546 nor
 * 2730.
 */
public final class CoinJoinShape {

    private static final long DUST_546 = 546, DUST_2730 = 2730;

    private CoinJoinShape() {}

    public static boolean test(CoinLedger l, int tx) {
        if (l.isCoinbase(tx)) return false;
        int in0 = l.inputStart(tx), nIn = l.inputEnd(tx) - in0;
        int out0 = l.outputStart(tx), nOut = l.outputEnd(tx) - out0;
        if (nIn < 2 || nOut < 3) return false;
        int p = (nOut + 1) / 2;
        if (p > nIn) return false;
        if (p > distinctInputHolders(l, in0, nIn)) return false;
        long[] values = new long[nOut];
        for (int k = 0; k < nOut; k++) values[k] = l.value(out0 + k);
        Arrays.sort(values);
        long modal = values[0];
        int modalCount = 0;
        for (int a = 0; a < nOut; ) {
            int b = a;
            while (b < nOut && values[b] == values[a]) b++;
            if (b - a > modalCount) { modal = values[a]; modalCount = b - a; } // ascending: a tie keeps the smaller
            a = b;
        }
        return modalCount == p && modal != DUST_546 && modal != DUST_2730;
    }

    private static int distinctInputHolders(CoinLedger l, int in0, int nIn) {
        int[] holders = new int[nIn];
        int n = 0;
        for (int i = in0; i < in0 + nIn; i++) {
            int h = l.holder(l.inputCoin(i));
            if (h != CoinLedger.NO_HOLDER) holders[n++] = h;
        }
        Arrays.sort(holders, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || holders[i] != holders[i - 1]) distinct++;
        return distinct;
    }
}
