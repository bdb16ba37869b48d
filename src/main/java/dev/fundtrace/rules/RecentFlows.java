package dev.fundtrace.rules;

import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flows made last: a rule and then the engine ask for the same flow one after the other, and a path walk per
 * request showed in the flag step's profile. Bounded: the flows of a large trace are not all kept.
 */
final class RecentFlows {

    private static final int SIZE = 256;

    private record Key(int scopeHash, Direction direction, int address) {}

    /** The scope (an asset's trace, or a coin trace) is compared by identity. */
    private record Made(Object scope, Flow flow) {}

    private final Map<Key, Made> flows = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Made> eldest) {
            return size() > SIZE;
        }
    };

    Flow get(Object scope, Direction d, int address) {
        Made e = flows.get(new Key(System.identityHashCode(scope), d, address));
        return e != null && e.scope() == scope ? e.flow() : null;
    }

    void put(Object scope, Direction d, int address, Flow flow) {
        flows.put(new Key(System.identityHashCode(scope), d, address), new Made(scope, flow));
    }
}
