package dev.fundtrace.chain.utxo.etl;

import java.util.Arrays;

/**
 * Every row's txid in one {@link TxidTable}, numbered with the rank of the first block it appears in, as the
 * resolver links the rows: in link order (by block, file order inside a block). The reading thread fills one as it
 * appends the chunks' rows, while the chunks are parsed, as long as the rows come in block order (then file order
 * is the link order); a row out of block order, or more rows than it was sized for, and it gives up, and the
 * resolver builds one over the link order once all rows are in.
 */
final class RowIndex {

    final TxidTable txids;
    /** per row, its txid's slot in {@link #txids} */
    final int[] rowSlot;
    /** the block number of each rank */
    private long[] blockOfRank = new long[64];
    private int ranks, rows;
    private boolean inOrder = true;

    /** An empty index for up to {@code capacity} rows. */
    RowIndex(int capacity) {
        txids = new TxidTable(capacity);
        rowSlot = new int[Math.max(capacity, 16)];
    }

    /** The index of all rows of {@code columns}, in link order. */
    static RowIndex of(TxColumns columns, RowOrder order) {
        RowIndex index = new RowIndex(columns.size());
        for (int i = 0; i < order.size(); i++) index.add(columns, order.row(i));
        index.rows = columns.size();
        return index;
    }

    /**
     * Indexes the rows appended to {@code columns} since the last call (file order); gives up at a row out of block
     * order or beyond its size.
     */
    void addAppended(TxColumns columns) {
        if (!inOrder) return;
        int n = columns.size();
        if (n > rowSlot.length) {
            inOrder = false;
            return;
        }
        for (int g = rows; g < n; g++) {
            if (ranks > 0 && columns.block(g) < blockOfRank[ranks - 1]) {
                inOrder = false;
                return;
            }
            add(columns, g);
        }
        rows = n;
    }

    private void add(TxColumns columns, int g) {
        long block = columns.block(g);
        if (ranks == 0 || blockOfRank[ranks - 1] != block) {
            if (ranks == blockOfRank.length) blockOfRank = Arrays.copyOf(blockOfRank, ranks * 2);
            blockOfRank[ranks++] = block;
        }
        rowSlot[g] = txids.add(columns.hashWords(), 4 * g, ranks - 1);
    }

    /** Whether it indexes all {@code n} rows of the export in file order. */
    boolean coversInFileOrder(int n) {
        return inOrder && rows == n;
    }

    /** The block number of a rank (blocks numbered in link order). */
    long block(int rank) {
        return blockOfRank[rank];
    }
}
