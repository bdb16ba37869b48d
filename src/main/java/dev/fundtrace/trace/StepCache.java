package dev.fundtrace.trace;

/**
 * The flow steps made last, by asset, direction and edge: every flow starts at one of a handful of seeds, so the
 * first steps of a trace's flows are the same few edges, and making each again read the ledger's columns at random
 * (most of the time it took to make a large trace's flows). Direct-mapped and bounded, one per trace's flows: a
 * step that fell out is made again, the same.
 */
public final class StepCache {

    private static final int SIZE = 1 << 14;

    private final long[] keys = new long[SIZE];
    private final FlowStep[] steps = new FlowStep[SIZE];

    public StepCache() {
        java.util.Arrays.fill(keys, -1);
    }

    static long key(int assetId, Direction d, int edge) {
        return (long) assetId << 33 | (long) d.ordinal() << 32 | (edge & 0xffffffffL);
    }

    FlowStep get(long key) {
        int slot = slot(key);
        return keys[slot] == key ? steps[slot] : null;
    }

    void put(long key, FlowStep step) {
        int slot = slot(key);
        keys[slot] = key;
        steps[slot] = step;
    }

    private static int slot(long key) {
        return (int) (key ^ key >>> 29) & (SIZE - 1);
    }
}
