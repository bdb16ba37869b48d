package dev.fundtrace.ledger;

/**
 * The order of a transfer within its asset, {@code (block, position, sub-position)}, packed in one long so
 * that sorting longs sorts transfers: 30 bits of block, 19 of position, 14 of sub-position.
 */
public final class OrderKey {
    public static final long MAX_BLOCK = (1L << 30) - 1;
    public static final int MAX_POSITION = (1 << 19) - 1;
    public static final int MAX_SUB = (1 << 14) - 1;

    private OrderKey() {}

    /** The packed key, or -1 when a part is out of range (the caller rejects the record). */
    public static long of(long block, long position, long sub) {
        if (block < 0 || block > MAX_BLOCK || position < 0 || position > MAX_POSITION || sub < 0 || sub > MAX_SUB) {
            return -1;
        }
        return block << 33 | position << 14 | sub;
    }

    public static long block(long key) { return key >>> 33; }

    public static int position(long key) { return (int) (key >>> 14) & MAX_POSITION; }

    public static int sub(long key) { return (int) key & MAX_SUB; }

    public static String describe(long key) {
        return block(key) + ":" + position(key) + (sub(key) == 0 ? "" : "." + sub(key));
    }
}
