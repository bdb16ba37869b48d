package dev.fundtrace.trace;

/** Sorts long keys and carries an int payload along (stable merge sort on primitives, no boxing). */
final class LongIntSort {
    private LongIntSort() {}

    static void sort(long[] keys, int[] vals) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        long[] ka = keys, kb = k2;
        int[] va = vals, vb = v2;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (ka[j] < ka[i]) { kb[k] = ka[j]; vb[k++] = va[j++]; }
                    else { kb[k] = ka[i]; vb[k++] = va[i++]; }
                }
                while (i < mid) { kb[k] = ka[i]; vb[k++] = va[i++]; }
                while (j < hi) { kb[k] = ka[j]; vb[k++] = va[j++]; }
            }
            long[] tk = ka; ka = kb; kb = tk;
            int[] tv = va; va = vb; vb = tv;
        }
        if (ka != keys) {
            System.arraycopy(ka, 0, keys, 0, n);
            System.arraycopy(va, 0, vals, 0, n);
        }
    }
}
