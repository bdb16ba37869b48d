package dev.fundtrace.chain.utxo.etl;

/**
 * What the resolver knows of each txid of the export: the first block it appears in, and its live accepted
 * transaction. An open-addressing table that keeps each txid's four words in the table itself: a probe compares
 * longs in one array, and the rows' own Txid objects are not kept alive by it.
 */
final class TxidTable {

    private final long[] words;
    private final boolean[] used;
    private final long[] firstBlock;
    private final TxRecord[] live;
    private final int mask;

    /** A table for up to {@code capacity} distinct txids. */
    TxidTable(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity + capacity / 3)) << 1;
        words = new long[slots * 4];
        used = new boolean[slots];
        firstBlock = new long[slots];
        live = new TxRecord[slots];
        mask = slots - 1;
    }

    /** Adds the txid with its first block, unless present; returns its slot. */
    int add(Txid id, long block) {
        int slot = probe(id);
        if (!used[slot]) {
            used[slot] = true;
            words[slot * 4] = id.a();
            words[slot * 4 + 1] = id.b();
            words[slot * 4 + 2] = id.c();
            words[slot * 4 + 3] = id.d();
            firstBlock[slot] = block;
        }
        return slot;
    }

    /** The txid's slot, or -1 when it is not in the export. */
    int find(Txid id) {
        int slot = probe(id);
        return used[slot] ? slot : -1;
    }

    long firstBlock(int slot) { return firstBlock[slot]; }

    TxRecord live(int slot) { return live[slot]; }

    void setLive(int slot, TxRecord r) { live[slot] = r; }

    /** All four words: real txids are uniform, but planted ones (tests, some tools) differ only at the end. */
    private static int spread(Txid id) {
        long h = (id.a() ^ id.b() * 0x9E3779B97F4A7C15L ^ id.c() * 0xC2B2AE3D27D4EB4FL ^ id.d()) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /** The slot holding the txid, or the free slot where it would go. */
    private int probe(Txid id) {
        int slot = spread(id) & mask;
        while (used[slot]) {
            int w = slot * 4;
            if (words[w] == id.a() && words[w + 1] == id.b() && words[w + 2] == id.c() && words[w + 3] == id.d()) return slot;
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
