package dev.fundtrace.ledger.store;

import java.util.Arrays;

/**
 * Interns 20-byte addresses to dense int ids with open addressing over primitive arrays:
 * millions of addresses cost three longs each instead of a String and a map entry.
 */
public final class AddressDictionary {

    private long[] words;   // id -> (hi, mid, lo32) of the address, for hex() and merging
    // The hash table keeps the key in the slot itself (a, b, c << 32 | id+1) so that a lookup touches one cache
    // line instead of a slot array and then the words array: interning is the hottest loop of a load.
    private long[] table;
    private int size;

    public AddressDictionary() {
        this(1024);
    }

    /** @param expected addresses expected: a merge that knows its total skips the rehashes on the way */
    public AddressDictionary(int expected) {
        int slots = Integer.highestOneBit(Math.max(2048, expected) * 2 - 1) * 2; // a power of two, at most half full
        words = new long[3 * Math.max(1024, expected)];
        table = new long[3 * slots];
    }

    public int size() { return size; }

    /** Id of the address in {@code buf[off..off+20)}, adding it when new. */
    public int intern(byte[] buf, int off) {
        return intern(readLong(buf, off), readLong(buf, off + 8), readInt(buf, off + 16));
    }

    public int intern(long a, long b, long c) {
        return internFrom(a, b, c, hash(a, b, c) & (table.length / 3 - 1));
    }

    /**
     * Interns {@code n} addresses given as three words each in {@code addressWords}, writing their ids to {@code ids}.
     * Same result as {@link #intern(long, long, long)} one by one, but in groups of {@link #GROUP}: the group's
     * first slots are read before any is probed, so their cache and TLB misses overlap instead of queueing.
     * With millions of addresses the table is far larger than the caches, and one address at a time spends
     * most of its time waiting on memory.
     */
    public void internAll(long[] addressWords, int n, int[] ids) {
        int[] slot = new int[GROUP];
        for (int from = 0; from < n; from += GROUP) {
            int count = Math.min(GROUP, n - from);
            long[] t = table;
            int mask = t.length / 3 - 1;
            long touched = 0;
            for (int k = 0; k < count; k++) {
                int w = 3 * (from + k);
                int h = hash(addressWords[w], addressWords[w + 1], addressWords[w + 2]) & mask;
                slot[k] = h;
                touched += t[3 * h + 2]; // the load is the point: it brings the slot in
            }
            sink = touched;
            for (int k = 0; k < count; k++) {
                int w = 3 * (from + k);
                long a = addressWords[w], b = addressWords[w + 1], c = addressWords[w + 2];
                // a rehash inside the group moves every slot: start from the new one
                int h = table == t ? slot[k] : hash(a, b, c) & (table.length / 3 - 1);
                ids[from + k] = internFrom(a, b, c, h);
            }
        }
    }

    private static final int GROUP = 32;
    @SuppressWarnings("unused")
    private long sink; // keeps the warming loads from being optimised away

    private int internFrom(long a, long b, long c, int start) {
        int mask = table.length / 3 - 1;
        int h = start;
        while (true) {
            long tc = table[3 * h + 2];
            if (tc == 0) break;
            if ((tc >>> 32) == c && table[3 * h] == a && table[3 * h + 1] == b) return (int) tc - 1;
            h = (h + 1) & mask;
        }
        int id = size++;
        if (3 * size > words.length) words = Arrays.copyOf(words, words.length * 2);
        words[3 * id] = a;
        words[3 * id + 1] = b;
        words[3 * id + 2] = c;
        table[3 * h] = a;
        table[3 * h + 1] = b;
        table[3 * h + 2] = c << 32 | (id + 1L);
        if (size * 2 > table.length / 3) rehash();
        return id;
    }

    /** Id of an address, or -1 when unknown. */
    public int find(long a, long b, long c) {
        int mask = table.length / 3 - 1;
        int h = hash(a, b, c) & mask;
        while (true) {
            long tc = table[3 * h + 2];
            if (tc == 0) return -1;
            if ((tc >>> 32) == c && table[3 * h] == a && table[3 * h + 1] == b) return (int) tc - 1;
            h = (h + 1) & mask;
        }
    }

    /** Id of a {@code 0x…} hex address, or -1 when unknown or malformed. */
    public int find(String hex) {
        byte[] b = Hex.address(hex);
        return b == null ? -1 : find(readLong(b, 0), readLong(b, 8), readInt(b, 16));
    }

    public int intern(String hex) {
        byte[] b = Hex.address(hex);
        if (b == null) throw new IllegalArgumentException("not an address: " + hex);
        return intern(b, 0);
    }

    public long word(int id, int k) { return words[3 * id + k]; }

    /**
     * The words array itself, three longs for each of the first {@link #size} ids (longer than that). Interning
     * more addresses writes past those or moves to a new array, so what a caller reads below its size stays.
     */
    long[] words() { return words; }

    public String hex(int id) {
        byte[] b = new byte[20];
        writeLong(b, 0, words[3 * id]);
        writeLong(b, 8, words[3 * id + 1]);
        long c = words[3 * id + 2];
        b[16] = (byte) (c >>> 24); b[17] = (byte) (c >>> 16); b[18] = (byte) (c >>> 8); b[19] = (byte) c;
        return Hex.encode0x(b);
    }

    public void bytes(int id, byte[] out, int off) {
        writeLong(out, off, words[3 * id]);
        writeLong(out, off + 8, words[3 * id + 1]);
        long c = words[3 * id + 2];
        out[off + 16] = (byte) (c >>> 24); out[off + 17] = (byte) (c >>> 16);
        out[off + 18] = (byte) (c >>> 8); out[off + 19] = (byte) c;
    }

    private void rehash() {
        long[] next = new long[table.length * 2];
        int mask = next.length / 3 - 1;
        for (int id = 0; id < size; id++) {
            long a = words[3 * id], b = words[3 * id + 1], c = words[3 * id + 2];
            int h = hash(a, b, c) & mask;
            while (next[3 * h + 2] != 0) h = (h + 1) & mask;
            next[3 * h] = a;
            next[3 * h + 1] = b;
            next[3 * h + 2] = c << 32 | (id + 1L);
        }
        table = next;
    }

    /** Murmur3's 64-bit finalizer over all three words: vanity and sequential addresses spread evenly too. */
    private static int hash(long a, long b, long c) {
        long h = a ^ Long.rotateLeft(b, 21) ^ Long.rotateLeft(c, 42) ^ (c << 7);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    static long readLong(byte[] b, int off) {
        return (long) BIG_ENDIAN_LONGS.get(b, off);
    }

    static long readInt(byte[] b, int off) {
        return Integer.toUnsignedLong((int) BIG_ENDIAN_INTS.get(b, off));
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) { b[off + i] = (byte) v; v >>>= 8; }
    }
}
