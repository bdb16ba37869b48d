package dev.fundtrace.chain.ethereum.etl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Receipt status by transaction hash, for exports whose transactions.csv lacks a status column.
 * Keys are the 32-byte hash folded to 128 bits in an open-addressing table of primitives (128 bits of a Keccak hash
 * do not collide in practice), so ten million receipts cost about 300 MB rather than gigabytes.
 */
final class ReceiptIndex {
    static final byte MISSING = -1;
    /** a receipt without status: pre-Byzantium (root only) */
    static final byte UNKNOWN = 2;

    private long[] keys;
    private byte[] status;
    private int size;
    private final Map<String, byte[]> createdContract = new HashMap<>();

    ReceiptIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / 0.75))) << 1;
        keys = new long[2 * cap];
        status = new byte[cap];
        Arrays.fill(status, MISSING);
    }

    synchronized void put(long hi, long lo, byte s) {
        if (4 * (size + 1) > 3 * status.length) grow(); // load factor 0.75
        int mask = status.length - 1, h = slot(hi, lo) & mask;
        while (status[h] != MISSING) {
            if (keys[2 * h] == hi && keys[2 * h + 1] == lo) { status[h] = s; return; }
            h = (h + 1) & mask;
        }
        keys[2 * h] = hi;
        keys[2 * h + 1] = lo;
        status[h] = s;
        size++;
    }

    byte get(long hi, long lo) {
        int mask = status.length - 1, h = slot(hi, lo) & mask;
        while (status[h] != MISSING) {
            if (keys[2 * h] == hi && keys[2 * h + 1] == lo) return status[h];
            h = (h + 1) & mask;
        }
        return MISSING;
    }

    synchronized void contract(String txHash, byte[] address) { createdContract.put(txHash, address); }

    byte[] contract(String txHash) { return createdContract.get(txHash); }

    int size() { return size; }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldStatus = status;
        keys = new long[oldKeys.length * 2];
        status = new byte[oldStatus.length * 2];
        Arrays.fill(status, MISSING);
        size = 0;
        for (int i = 0; i < oldStatus.length; i++) if (oldStatus[i] != MISSING) put(oldKeys[2 * i], oldKeys[2 * i + 1], oldStatus[i]);
    }

    private static int slot(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        return (int) (h ^ (h >>> 32));
    }
}
