package dev.fundtrace.rules;

import dev.fundtrace.trace.Flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sink that keeps everything in memory: the flows in the order they were made, the flags merged and ordered. */
final class CollectedFindings implements FindingSink {

    private final List<Flow> flows = new ArrayList<>();
    private final Map<String, List<FlagPart>> parts = new LinkedHashMap<>();

    @Override
    public int flow(Flow flow) {
        flows.add(flow);
        return flows.size() - 1;
    }

    @Override
    public void part(FlagPart part) {
        parts.computeIfAbsent(part.key(), k -> new ArrayList<>()).add(part);
    }

    FlagResult result() {
        List<Flag> flags = new ArrayList<>();
        for (List<FlagPart> sameKey : parts.values()) flags.add(FlagParts.merge(sameKey));
        flags.sort(FlagResult.ORDER);
        return new FlagResult(flags, flows);
    }
}
