package dev.fundtrace.chain.utxo.etl;

/**
 * What the resolver knows of each txid of the export, in one open-addressing table whose slots hold everything
 * a lookup needs side by side (one or two cache lines): the txid's four words, the rank of the first block it
 * appears in, the block being linked in which it was last seen and its place there, and the row of its live
 * accepted transaction (the latest one: a txid seen again in a later block replaces it, BIP30).
 */
final class TxidTable {

    private static final int STRIDE = 6;
    /** per slot: a, b, c, d, (firstRank + 1) << 32 | (currentRank + 1), candidate << 32 | (live + 1); zeros when free */
    private final long[] slots;
    private final int size;

    /**
     * A table for up to {@code capacity} distinct txids, two thirds full at most: any size, not a power of two,
     * as the table is a large share of the load's memory.
     */
    TxidTable(int capacity) {
        size = Math.max(16, capacity + capacity / 2);
        slots = new long[size * STRIDE];
    }

    /** Adds the txid {@code words[at..at+4)} with the rank of its first block, unless present; returns its slot. */
    int add(long[] words, int at, int rank) {
        int slot = probe(words, at);
        int s = slot * STRIDE;
        if (slots[s + 4] == 0) {
            System.arraycopy(words, at, slots, s, 4);
            slots[s + 4] = (long) (rank + 1) << 32;
        }
        return slot;
    }

    /** The txid's slot, or -1 when it is not in the export. */
    int find(long[] words, int at) {
        int slot = probe(words, at);
        return slots[slot * STRIDE + 4] != 0 ? slot : -1;
    }

    int firstRank(int slot) { return (int) (slots[slot * STRIDE + 4] >>> 32) - 1; }

    /** The rank of the block being linked when the txid was last met as a row of it, or -1. */
    int currentRank(int slot) { return (int) slots[slot * STRIDE + 4] - 1; }

    void setCurrentRank(int slot, int rank) {
        int s = slot * STRIDE + 4;
        slots[s] = (slots[s] & 0xFFFFFFFF00000000L) | (rank + 1);
    }

    /** Its place among the current block's candidates (valid while {@link #currentRank} is that block's). */
    int candidate(int slot) { return (int) (slots[slot * STRIDE + 5] >>> 32); }

    void setCandidate(int slot, int candidate) {
        int s = slot * STRIDE + 5;
        slots[s] = (long) candidate << 32 | (slots[s] & 0xFFFFFFFFL);
    }

    /** The row of its live accepted transaction, or -1. */
    int live(int slot) { return (int) slots[slot * STRIDE + 5] - 1; }

    void setLive(int slot, int row) {
        int s = slot * STRIDE + 5;
        slots[s] = (slots[s] & 0xFFFFFFFF00000000L) | (row + 1L);
    }

    /** All four words: real txids are uniform, but planted ones (tests, some tools) differ only at the end. */
    private static long spread(long a, long b, long c, long d) {
        return (a ^ b * 0x9E3779B97F4A7C15L ^ c * 0xC2B2AE3D27D4EB4FL ^ d) * 0x9E3779B97F4A7C15L;
    }

    /** The slot holding the txid, or the free slot where it would go. */
    private int probe(long[] words, int at) {
        long a = words[at], b = words[at + 1], c = words[at + 2], d = words[at + 3];
        // the hash's high 32 bits scaled to the table's size (a multiply, not a modulo)
        int slot = (int) ((spread(a, b, c, d) >>> 32) * size >>> 32);
        while (true) {
            int s = slot * STRIDE;
            if (slots[s + 4] == 0) return slot;
            if (slots[s] == a && slots[s + 1] == b && slots[s + 2] == c && slots[s + 3] == d) return slot;
            if (++slot == size) slot = 0;
        }
    }
}
