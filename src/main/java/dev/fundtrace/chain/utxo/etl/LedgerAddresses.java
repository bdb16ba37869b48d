package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.UtxoAddresses;
import dev.fundtrace.ledger.Chain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chain's ledger addresses while an export loads: each distinct canonical form gets a dense int key, shared by
 * the parse threads, so that rows keep ints instead of Strings and the resolver compares ints. Keys are handed
 * out in no particular order; the ledger numbers its addresses itself, in the order it meets them.
 */
final class LedgerAddresses {

    private static final String NONSTANDARD = "nonstandard";
    private static final int PAGE_BITS = 14, PAGE = 1 << PAGE_BITS;

    private final Chain chain;
    private final ConcurrentHashMap<String, Integer> keys = new ConcurrentHashMap<>(1 << 16);
    private final AtomicInteger next = new AtomicInteger();
    /** key → canonical form, in pages; a page is written before any key in it is published through {@link #keys} */
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
    int key(String canonical) {
        Integer k = keys.get(canonical);
        return k != null ? k : keys.computeIfAbsent(canonical, this::newKey);
    }

    private Integer newKey(String canonical) {
        int k = next.getAndIncrement();
        String[] page;
        boolean[] flags;
        synchronized (names) {
            page = names[k >>> PAGE_BITS];
            if (page == null) {
                names[k >>> PAGE_BITS] = page = new String[PAGE];
                pseudo[k >>> PAGE_BITS] = new boolean[PAGE];
            }
            flags = pseudo[k >>> PAGE_BITS];
        }
        page[k & (PAGE - 1)] = canonical;
        flags[k & (PAGE - 1)] = canonical.startsWith(NONSTANDARD);
        return k;
    }

    /** The key of an address in canonical form, or -1 when no row holds it. */
    int keyOf(String canonical) {
        Integer k = keys.get(canonical);
        return k != null ? k : -1;
    }

    /** How many keys were given. */
    int size() { return next.get(); }

    /** The canonical form of a key that a row holds (its row was parsed before this is asked). */
    String name(int key) {
        return names[key >>> PAGE_BITS][key & (PAGE - 1)];
    }

    /** bitcoin-etl's {@code nonstandard…} pseudo-addresses never hold a coin (utxo.md, holder of an output). */
    boolean isPseudo(int key) {
        return pseudo[key >>> PAGE_BITS][key & (PAGE - 1)];
    }
}
