package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.UtxoAddresses;
import dev.fundtrace.ledger.Chain;

/**
 * A chain's ledger addresses while an export loads: each distinct canonical form gets a dense int key, shared by
 * the parse threads, so that rows keep ints instead of Strings and the resolver compares ints. Keys are handed
 * out in no particular order; the ledger numbers its addresses itself, in the order it meets them.
 *
 * <p>The canonical forms are found by an open-addressing table of longs ({@code hash << 32 | key + 1}, 0 when free)
 * that compares with the names kept by key, instead of a map of boxed entries: an export has hundreds of thousands of
 * addresses, and a map's node and boxed key for each were that many more objects to allocate and for the collector
 * to copy while the parse goes on. Most lookups come from {@link AddressKeys}, one thread at a time under its own
 * lock (only an address's first sight there), so this table's lock is seldom contended.
 */
final class LedgerAddresses {

    private static final String NONSTANDARD = "nonstandard";
    private static final int PAGE_BITS = 14, PAGE = 1 << PAGE_BITS;

    private final Chain chain;
    /** canonical form → key, under this object's lock; at most half full */
    private long[] slots = new long[1 << 16];
    private int next;
    /** key → canonical form, in pages; a page is written before its key leaves {@link #key} */
    private final String[][] names = new String[1 << (31 - PAGE_BITS)][];
    /** key → whether it is a pseudo-address, in pages like the names (the resolver asks before it reads a name) */
    private final boolean[][] pseudo = new boolean[1 << (31 - PAGE_BITS)][];

    LedgerAddresses(Chain chain) {
        this.chain = chain;
    }

    /** The canonical form of an address as the export writes it (utxo.md). */
    String canonical(String written) {
        return UtxoAddresses.canonical(chain, written);
    }

    /** The key of a written address. */
    int keyOfWritten(String written) {
        return key(canonical(written));
    }

    /** The key of an address in canonical form, given on its first use. */
    synchronized int key(String canonical) {
        int h = canonical.hashCode(), i = slotOf(canonical, h);
        if (slots[i] != 0) return (int) slots[i] - 1;
        int k = newKey(canonical);
        slots[i] = (long) h << 32 | (k + 1L);
        if (2 * next > slots.length) grow();
        return k;
    }

    /** The key of an address in canonical form, or -1 when no row holds it. */
    synchronized int keyOf(String canonical) {
        return (int) slots[slotOf(canonical, canonical.hashCode())] - 1; // a free slot reads as key -1
    }

    /** The slot holding {@code canonical} (hash {@code h}), else the free slot where it goes. */
    private int slotOf(String canonical, int h) {
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0 || (int) (slot >>> 32) == h && name((int) slot - 1).equals(canonical)) return i;
        }
    }

    private int newKey(String canonical) {
        int k = next++;
        if (names[k >>> PAGE_BITS] == null) {
            names[k >>> PAGE_BITS] = new String[PAGE];
            pseudo[k >>> PAGE_BITS] = new boolean[PAGE];
        }
        names[k >>> PAGE_BITS][k & (PAGE - 1)] = canonical;
        pseudo[k >>> PAGE_BITS][k & (PAGE - 1)] = canonical.startsWith(NONSTANDARD);
        return k;
    }

    /** Doubles the table, placing each key by the hash its slot keeps (no name is read). */
    private void grow() {
        long[] larger = new long[slots.length * 2];
        int mask = larger.length - 1;
        for (long slot : slots) {
            if (slot == 0) continue;
            int i = spread((int) (slot >>> 32)) & mask;
            while (larger[i] != 0) i = (i + 1) & mask;
            larger[i] = slot;
        }
        slots = larger;
    }

    /** String hashes of similar texts differ mostly in their low bits' neighbours: mixed, so runs stay short. */
    private static int spread(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }

    /** How many keys were given. */
    synchronized int size() { return next; }

    /** The canonical form of a key that a row holds (its row was parsed before this is asked). */
    String name(int key) {
        return names[key >>> PAGE_BITS][key & (PAGE - 1)];
    }

    /** bitcoin-etl's {@code nonstandard…} pseudo-addresses never hold a coin (utxo.md, holder of an output). */
    boolean isPseudo(int key) {
        return pseudo[key >>> PAGE_BITS][key & (PAGE - 1)];
    }
}
