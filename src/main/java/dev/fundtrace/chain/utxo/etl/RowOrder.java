package dev.fundtrace.chain.utxo.etl;

import java.util.Arrays;
import java.util.List;

/**
 * The transactions rows of all chunks in the order they are linked: by block, and in file order inside a block
 * (a stable sort). Most exports are already in that order, and then nothing is sorted.
 */
final class RowOrder {

    private final List<ParsedChunk> chunks;
    /** the first file-order row of each chunk, and the total at the end */
    private final int[] chunkStart;
    /** file-order row numbers in link order; null when that is file order */
    private final int[] order;

    private RowOrder(List<ParsedChunk> chunks, int[] chunkStart, int[] order) {
        this.chunks = chunks;
        this.chunkStart = chunkStart;
        this.order = order;
    }

    static RowOrder byBlock(List<ParsedChunk> chunks) {
        int[] start = new int[chunks.size() + 1];
        for (int c = 0; c < chunks.size(); c++) start[c + 1] = Math.addExact(start[c], chunks.get(c).transactions.size());
        int total = start[chunks.size()];
        long[] blocks = new long[total];
        boolean sorted = true;
        for (int c = 0, g = 0; c < chunks.size(); c++) {
            TxColumns t = chunks.get(c).transactions;
            for (int r = 0; r < t.size(); r++, g++) {
                blocks[g] = t.block(r);
                if (g > 0 && blocks[g] < blocks[g - 1]) sorted = false;
            }
        }
        if (sorted) return new RowOrder(chunks, start, null);
        // each row as (rank of its block, file-order number) in one long: sorting those is the stable sort
        long[] distinct = Arrays.stream(blocks).sorted().distinct().toArray();
        long[] keys = new long[total];
        for (int g = 0; g < total; g++) keys[g] = (long) Arrays.binarySearch(distinct, blocks[g]) << 32 | g;
        Arrays.sort(keys);
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = (int) keys[i];
        return new RowOrder(chunks, start, order);
    }

    int size() { return chunkStart[chunkStart.length - 1]; }

    long block(int i) {
        int g = fileOrder(i);
        int c = chunkOf(g);
        return chunks.get(c).transactions.block(g - chunkStart[c]);
    }

    Txid hash(int i) {
        int g = fileOrder(i);
        int c = chunkOf(g);
        return chunks.get(c).transactions.hash(g - chunkStart[c]);
    }

    /** The i-th row in link order, as an object again. */
    EtlTransaction row(int i) {
        int g = fileOrder(i);
        int c = chunkOf(g);
        ParsedChunk chunk = chunks.get(c);
        return chunk.transactions.row(g - chunkStart[c], chunk.id);
    }

    private int fileOrder(int i) {
        return order == null ? i : order[i];
    }

    private int chunkOf(int g) {
        int c = Arrays.binarySearch(chunkStart, g);
        if (c < 0) return -c - 2;
        // empty chunks share a start: the row is in the last of them, the one that holds rows
        while (c + 1 < chunkStart.length - 1 && chunkStart[c + 1] == g) c++;
        return c;
    }
}
