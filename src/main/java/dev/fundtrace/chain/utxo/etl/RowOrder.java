package dev.fundtrace.chain.utxo.etl;

import java.util.Arrays;

/**
 * The transactions rows in the order they are linked: by block, and in file order inside a block (a stable
 * sort). Most exports are already in that order, and then nothing is sorted.
 */
final class RowOrder {

    /** row numbers in link order; null when that is file order */
    private final int[] order;
    private final int size;

    private RowOrder(int[] order, int size) {
        this.order = order;
        this.size = size;
    }

    static RowOrder byBlock(TxColumns rows) {
        int total = rows.size();
        boolean sorted = true;
        for (int g = 1; g < total && sorted; g++) sorted = rows.block(g) >= rows.block(g - 1);
        if (sorted) return new RowOrder(null, total);
        long[] blocks = new long[total];
        for (int g = 0; g < total; g++) blocks[g] = rows.block(g);
        // each row as (rank of its block, file-order number) in one long: sorting those is the stable sort
        long[] distinct = Arrays.stream(blocks).sorted().distinct().toArray();
        long[] keys = new long[total];
        for (int g = 0; g < total; g++) keys[g] = (long) Arrays.binarySearch(distinct, blocks[g]) << 32 | g;
        Arrays.sort(keys);
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = (int) keys[i];
        return new RowOrder(order, total);
    }

    int size() { return size; }

    /** Whether the link order is the file order. */
    boolean inFileOrder() { return order == null; }

    /** The row number of the i-th row in link order. */
    int row(int i) {
        return order == null ? i : order[i];
    }
}
