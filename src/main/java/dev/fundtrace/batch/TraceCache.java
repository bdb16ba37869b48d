package dev.fundtrace.batch;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the in-memory trace from the trace step to the flag step of the same run. A resumed run that starts
 * at the flag step finds nothing here and traces again (same ledger, same answer).
 */
@Component
class TraceCache {
    private final Map<Long, RunTrace> traces = new ConcurrentHashMap<>();

    void put(long runId, RunTrace trace) { traces.put(runId, trace); }

    RunTrace get(long runId) { return traces.get(runId); }

    void clear(long runId) { traces.remove(runId); }
}
