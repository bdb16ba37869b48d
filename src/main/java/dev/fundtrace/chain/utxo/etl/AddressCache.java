package dev.fundtrace.chain.utxo.etl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One parse thread's memory of the address texts it has met: the written bytes map to the shared canonical
 * String of {@link LedgerAddresses}, so a busy address costs a byte compare instead of a String, its hash and a
 * lookup in the shared map. Confined to one thread; it forgets everything when full, which bounds its memory.
 */
final class AddressCache {

    private static final int MAX_ENTRIES = 1 << 19;

    private final LedgerAddresses shared;
    private byte[][] keys = new byte[1 << 12][];
    private String[] values = new String[1 << 12];
    private int size;

    AddressCache(LedgerAddresses shared) {
        this.shared = shared;
    }

    /** The canonical form of the ASCII address text at {@code data[from..to)}. */
    String canonical(byte[] data, int from, int to) {
        int mask = keys.length - 1;
        int slot = hash(data, from, to) & mask;
        byte[] key;
        while ((key = keys[slot]) != null) {
            if (Arrays.equals(key, 0, key.length, data, from, to)) return values[slot];
            slot = (slot + 1) & mask;
        }
        String value = shared.canonical(new String(data, from, to - from, StandardCharsets.ISO_8859_1));
        keys[slot] = Arrays.copyOfRange(data, from, to);
        values[slot] = value;
        if (++size * 2 > keys.length) grow();
        return value;
    }

    private void grow() {
        if (keys.length >= MAX_ENTRIES * 2) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            return;
        }
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            byte[] k = oldKeys[i];
            if (k == null) continue;
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k;
            values[slot] = oldValues[i];
        }
    }

    private static int hash(byte[] data, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) h = 31 * h + data[i];
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
