package dev.fundtrace.chain.utxo.etl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parse threads' map from the written bytes of an address to its key in {@link LedgerAddresses}, shared by
 * them. Each slot holds the address's bytes itself (up to 56; longer ones keep their first 48 and the rest
 * aside), so a lookup reads one slot and compares words: on this machine a miss in a big table costs far more
 * than the compare. Lookups take no lock; only the first sight of an address does, and builds its String.
 *
 * <p>A slot is {@code STRIDE} longs: its hash and key ({@code hash << 32 | key + 1}, 0 when free), written last
 * with release semantics, then the address's bytes, zero-padded (addresses hold no zero byte, the scanner refuses
 * control bytes), as little-endian words. The table grows into a new array; a lookup that still reads the old one
 * finds every address it held, and one it misses is looked up again under the lock.
 */
final class AddressKeys {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int STRIDE = 8, WORDS = STRIDE - 1, INLINE = 8 * WORDS, HEAD = INLINE - 8;
    /** The last word of a long address's slot: the place of its bytes in {@link #longOnes}, negated. */
    private static final long LONG_ONE = Long.MIN_VALUE;

    private final LedgerAddresses shared;
    private volatile long[] table = new long[STRIDE << 12];
    private byte[][] longOnes = new byte[16][];
    private int used, longCount;
    /** a larger table is being zeroed (outside the lock) */
    private boolean growing;

    AddressKeys(LedgerAddresses shared) {
        this.shared = shared;
    }

    LedgerAddresses shared() { return shared; }

    /** A lookup's scratch: the address's words; one per thread. */
    static long[] scratch() {
        return new long[WORDS];
    }

    Batch batch() {
        return new Batch();
    }

    /** How many lookups {@link Batch} issues together: their misses overlap instead of following each other. */
    private static final int GROUP = 16;

    /** One thread's batched lookups: addresses are noted as they are read, and their keys found later, together. */
    final class Batch {
        private long[] at = new long[256];
        private int[] keys = new int[256];
        private int count;
        private final long[] words = new long[GROUP * WORDS];
        private final int[] hashes = new int[GROUP];
        private final long[] metas = new long[GROUP], lasts = new long[GROUP];

        /** Notes the address at {@code data[from..to)}; its key comes out of {@link #resolve} at this place. */
        int add(int from, int to) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                keys = Arrays.copyOf(keys, count * 2);
            }
            at[count] = (long) from << 32 | to;
            return count++;
        }

        int size() { return count; }

        /** Forgets the addresses noted from place {@code mark} on. */
        void truncate(int mark) { count = mark; }

        /** The key of the address noted at {@code place} (after {@link #resolve}). */
        int key(int place) { return keys[place]; }

        /** Finds the keys of all noted addresses, which are in {@code data}; then notes start again from 0. */
        void resolve(byte[] data) {
            for (int g = 0; g < count; g += GROUP) {
                int m = Math.min(GROUP, count - g);
                long[] t = table;
                int mask = t.length / STRIDE - 1;
                // first every slot's two cache lines are asked for, then each is compared
                for (int j = 0; j < m; j++) {
                    long p = at[g + j];
                    int h = words(data, (int) (p >>> 32), (int) p, words, j * WORDS);
                    hashes[j] = h;
                    int s = (h & mask) * STRIDE;
                    metas[j] = (long) SLOT.getAcquire(t, s);
                    lasts[j] = t[s + WORDS];
                }
                for (int j = 0; j < m; j++) {
                    long p = at[g + j];
                    keys[g + j] = find(t, mask, data, (int) (p >>> 32), (int) p, j * WORDS, hashes[j], metas[j], lasts[j]);
                }
            }
        }

        private int find(long[] t, int mask, byte[] data, int from, int to, int w, int h, long meta, long last) {
            int slot = h & mask;
            if (meta != 0 && (int) (meta >>> 32) == h && last == words[w + WORDS - 1] && same(t, slot * STRIDE, words, w, data, from, to)) {
                return (int) meta - 1;
            }
            for (; ; slot = (slot + 1) & mask) {
                int s = slot * STRIDE;
                long m = (long) SLOT.getAcquire(t, s);
                if (m == 0) return insert(data, from, to, words, w, h);
                if ((int) (m >>> 32) == h && same(t, s, words, w, data, from, to)) return (int) m - 1;
            }
        }
    }

    /** The key of the ASCII address text at {@code data[from..to)}; {@code w} is the calling thread's scratch. */
    int key(byte[] data, int from, int to, long[] w) {
        int h = words(data, from, to, w, 0);
        long[] t = table;
        int mask = t.length / STRIDE - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int s = slot * STRIDE;
            long meta = (long) SLOT.getAcquire(t, s);
            if (meta == 0) return insert(data, from, to, w, 0, h);
            if ((int) (meta >>> 32) == h && same(t, s, w, 0, data, from, to)) return (int) meta - 1;
        }
    }

    /** Whether slot {@code s} holds the address whose words are {@code w[at..at+WORDS)}. */
    private boolean same(long[] t, int s, long[] w, int at, byte[] data, int from, int to) {
        for (int k = 0; k < WORDS - 1; k++) if (t[s + 1 + k] != w[at + k]) return false;
        long last = t[s + WORDS];
        if (w[at + WORDS - 1] != LONG_ONE) return last == w[at + WORDS - 1];
        if (last >= 0) return false;
        byte[] full = longOnes[(int) -(last + 1)];
        return Arrays.equals(full, 0, full.length, data, from, to);
    }

    private int insert(byte[] data, int from, int to, long[] w, int at, int h) {
        int key;
        long[] full;
        synchronized (this) {
            long[] t = table;
            int mask = t.length / STRIDE - 1;
            int slot = h & mask;
            for (; ; slot = (slot + 1) & mask) {
                long meta = t[slot * STRIDE];
                if (meta == 0) break;
                if ((int) (meta >>> 32) == h && same(t, slot * STRIDE, w, at, data, from, to)) return (int) meta - 1;
            }
            key = shared.keyOfWritten(new String(data, from, to - from, StandardCharsets.ISO_8859_1));
            int s = slot * STRIDE;
            System.arraycopy(w, at, t, s + 1, WORDS);
            if (w[at + WORDS - 1] == LONG_ONE) {
                if (longCount == longOnes.length) longOnes = Arrays.copyOf(longOnes, longCount * 2);
                longOnes[longCount] = Arrays.copyOfRange(data, from, to);
                t[s + WORDS] = -(longCount++ + 1L);
            }
            SLOT.setRelease(t, s, (long) h << 32 | (key + 1L));
            used++;
            if (used * 5 > (mask + 1) * 4) { // filling up while a larger table is being zeroed: no waiting for it
                rehash(t, new long[t.length * 2]);
                return key;
            }
            if (growing || used * 5 <= (mask + 1) * 3) return key;
            growing = true;
            full = t;
        }
        // the larger table is zeroed outside the lock: zeroing touches each of its pages, which is slow, and the
        // other threads go on inserting into the current one meanwhile
        long[] larger = new long[full.length * 2];
        synchronized (this) {
            if (table.length < larger.length) rehash(table, larger);
            growing = false;
        }
        return key;
    }

    /** Moves every address of {@code old} into {@code t}, which becomes the table. */
    private void rehash(long[] old, long[] t) {
        int mask = t.length / STRIDE - 1;
        for (int s = 0; s < old.length; s += STRIDE) {
            long meta = old[s];
            if (meta == 0) continue;
            int slot = (int) (meta >>> 32) & mask;
            while (t[slot * STRIDE] != 0) slot = (slot + 1) & mask;
            System.arraycopy(old, s, t, slot * STRIDE, STRIDE);
        }
        table = t;
    }

    /**
     * Fills {@code w[at..at+WORDS)} with the address's bytes as zero-padded little-endian words (a long one: its first 48
     * bytes, then {@link #LONG_ONE}) and returns its hash.
     */
    private static int words(byte[] data, int from, int to, long[] w, int at) {
        int length = to - from;
        int inline = length <= INLINE ? length : HEAD;
        int i = 0;
        for (; 8 * i + 8 <= inline; i++) w[at + i] = ByteWords.word(data, from + 8 * i);
        if (8 * i < inline) {
            int rest = inline - 8 * i;
            long v;
            if (from + 8 * i + 8 <= data.length) v = ByteWords.word(data, from + 8 * i) & (-1L >>> (64 - 8 * rest));
            else {
                v = 0;
                for (int k = rest - 1; k >= 0; k--) v = v << 8 | (data[from + 8 * i + k] & 0xFF);
            }
            w[at + i++] = v;
        }
        for (; i < WORDS; i++) w[at + i] = 0;
        if (length > INLINE) w[at + WORDS - 1] = LONG_ONE;
        long h = length;
        for (int k = 0; k < WORDS; k++) h = (h ^ w[at + k]) * 0x9E3779B97F4A7C15L;
        if (length > INLINE) for (int k = HEAD; k < length; k++) h = (h ^ data[from + k]) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}
