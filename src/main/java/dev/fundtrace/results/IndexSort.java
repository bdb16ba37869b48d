package dev.fundtrace.results;

/** A stable merge sort of record indices by a comparator on indices: no boxing, one scratch array. */
final class IndexSort {

    @FunctionalInterface
    interface IndexOrder {
        int compare(int a, int b);
    }

    private IndexSort() {}

    /** The indices 0..n-1 in {@code order}, equal ones in index order. */
    static int[] sorted(int n, IndexOrder order) {
        int[] a = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        sort(a, tmp, 0, n, order);
        return a;
    }

    private static void sort(int[] a, int[] tmp, int from, int to, IndexOrder order) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i], j = i - 1;
                while (j >= from && order.compare(a[j], x) > 0) a[j + 1] = a[j--];
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid, order);
        sort(a, tmp, mid, to, order);
        if (order.compare(a[mid - 1], a[mid]) <= 0) return; // already in order
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) a[k++] = order.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        while (i < mid) a[k++] = tmp[i++];
        while (j < to) a[k++] = tmp[j++];
    }
}
