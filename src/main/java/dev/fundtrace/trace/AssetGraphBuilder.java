package dev.fundtrace.trace;

import dev.fundtrace.ledger.LedgerView;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds one {@link AssetGraph} per asset from the chain ledger: keeps value-moving transfers at or above the
 * dust limit, sorts them by order, drops exact repeats (the same transfer loaded from two exports) and numbers
 * addresses locally.
 */
public final class AssetGraphBuilder {

    private final LedgerView ledger;
    /** rows grouped by asset (counting sort), built once */
    private final int[] assetStart;
    private final int[] rowsByAsset;
    private final int[] localId;

    public AssetGraphBuilder(LedgerView ledger) {
        this.ledger = ledger;
        int assets = ledger.assetCount();
        assetStart = new int[assets + 1];
        int size = ledger.size();
        for (int i = 0; i < size; i++) if (ledger.movesValue(i)) assetStart[ledger.asset(i) + 1]++;
        for (int a = 0; a < assets; a++) assetStart[a + 1] += assetStart[a];
        rowsByAsset = new int[assetStart[assets]];
        int[] fill = Arrays.copyOf(assetStart, assets);
        for (int i = 0; i < size; i++) if (ledger.movesValue(i)) rowsByAsset[fill[ledger.asset(i)]++] = i;
        localId = new int[ledger.addressCount()];
        Arrays.fill(localId, -1);
    }

    /** Number of value-moving transfers of an asset, before dust and de-duplication. */
    public int transferCount(int assetId) {
        return assetStart[assetId + 1] - assetStart[assetId];
    }

    /** Ledger rows of an asset that move value. */
    public int[] rows(int assetId) {
        return Arrays.copyOfRange(rowsByAsset, assetStart[assetId], assetStart[assetId + 1]);
    }

    public AssetGraph build(int assetId, BigInteger dust) {
        int[] rows = rows(assetId);
        long[] keys = new long[rows.length];
        int kept = 0;
        boolean noDust = dust == null || dust.signum() <= 0;
        for (int r : rows) {
            if (!noDust && ledger.compareAmount(r, dust) < 0) continue;
            rows[kept] = r;
            keys[kept++] = ledger.key(r);
        }
        // copied only when cut: at ten million transfers each copy is 40 to 80 MB of fresh memory
        if (kept < rows.length) {
            rows = Arrays.copyOf(rows, kept);
            keys = Arrays.copyOf(keys, kept);
        }
        if (!isSorted(keys)) LongIntSort.sort(keys, rows);
        int m = 0;
        for (int i = 0; i < kept; i++) {
            if (m > 0 && keys[m - 1] == keys[i]) continue; // same transfer stored twice
            keys[m] = keys[i];
            rows[m++] = rows[i];
        }
        int[] src = new int[m], dst = new int[m];
        int[] global = new int[Math.min(localId.length, 2 * m + 1)];
        int n = 0;
        for (int e = 0; e < m; e++) {
            int f = ledger.from(rows[e]), t = ledger.to(rows[e]);
            if (localId[f] < 0) { if (n == global.length) global = Arrays.copyOf(global, n * 2); global[n] = f; localId[f] = n++; }
            if (localId[t] < 0) { if (n == global.length) global = Arrays.copyOf(global, n * 2); global[n] = t; localId[t] = n++; }
            src[e] = localId[f];
            dst[e] = localId[t];
        }
        global = Arrays.copyOf(global, n);
        for (int g : global) localId[g] = -1; // reset scratch for the next asset
        return new AssetGraph(assetId, global, m < rows.length ? Arrays.copyOf(rows, m) : rows, src, dst);
    }

    private static boolean isSorted(long[] keys) {
        for (int i = 1; i < keys.length; i++) if (keys[i] < keys[i - 1]) return false;
        return true;
    }
}
