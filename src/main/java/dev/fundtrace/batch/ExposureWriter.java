package dev.fundtrace.batch;

import dev.fundtrace.trace.Exposure;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores a large set of exposures in the database on a second thread while the flag and report steps run (the
 * report takes its exposures from the trace's JSON file, not from these rows). The report step waits for it, so
 * a run completes only with every exposure stored; a run killed before that finds the rows incomplete when it
 * resumes and stores them again (see {@link ReportStep}).
 */
@Component
class ExposureWriter {

    private final RunRepository runs;
    private final int backgroundMin;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fundtrace-exposures");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Future<?>> pending = new ConcurrentHashMap<>();

    ExposureWriter(RunRepository runs,
                   @org.springframework.beans.factory.annotation.Value("${fundtrace.exposures.background-min:10000}") int backgroundMin) {
        this.runs = runs;
        this.backgroundMin = backgroundMin;
    }

    /** Stores the run's exposures, on the second thread when there are many. */
    void store(long runId, List<Exposure> exposures) {
        runs.fact(runId, "exposureCount", Integer.toString(exposures.size()));
        if (exposures.size() < backgroundMin) {
            runs.replaceExposures(runId, exposures);
            return;
        }
        pending.put(runId, executor.submit(() -> runs.replaceExposures(runId, exposures)));
    }

    /** Waits for a background store of this run; true when every exposure of the run is in the database. */
    boolean awaitStored(long runId) {
        Future<?> f = pending.remove(runId);
        if (f != null) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing exposures", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("storing exposures failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        long expected = runs.fact(runId, "exposureCount").map(Long::parseLong).orElse(-1L);
        return expected >= 0 && runs.exposureCount(runId) == expected;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
