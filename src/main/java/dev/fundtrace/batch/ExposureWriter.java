package dev.fundtrace.batch;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.results.ExposureFiles;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.LabelDao;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes a trace's exposure files ({@link ExposureFiles}) in one pass over the trace: for a large trace on a thread
 * of its own while the flag step runs, since the report needs them only once the flags are written. A run killed
 * before they are whole finds them missing when it resumes, and traces again to write them (same ledger, same
 * answer): they are renamed into place only when whole.
 */
@Component
class ExposureWriter {

    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final RunFiles files;
    private final TraceRunner runner;
    private final int backgroundMin;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fundtrace-exposures");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    ExposureWriter(DesignationDao designationDao, LabelDao labelDao, RunFiles files, TraceRunner runner,
                   @Value("${fundtrace.exposures.background-min:10000}") int backgroundMin) {
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.files = files;
        this.runner = runner;
        this.backgroundMin = backgroundMin;
    }

    int backgroundMin() { return backgroundMin; }

    /** Writes run {@code runId}'s exposure files from its trace: on this class's thread when there are many. */
    void write(long runId, RunTrace trace) {
        files.exposures(runId).forget(); // a trace written again is not whole until its files are
        if (trace.exposureCount() < backgroundMin) {
            writeNow(runId, trace);
            return;
        }
        pending.put(runId, CompletableFuture.runAsync(() -> {
            long t0 = System.nanoTime(), c0 = FlagStep.threadCpu();
            writeNow(runId, trace);
            Console.progress("trace", String.format("%,d exposures written in %.2f s (cpu %.2f s, another thread)",
                    trace.exposureCount(), (System.nanoTime() - t0) / 1e9, (FlagStep.threadCpu() - c0) / 1e9));
        }, executor));
    }

    private void writeNow(long runId, RunTrace trace) {
        LabelBook labels = new LabelBook(labelDao.of(runId));
        List<String> designated = designationDao.of(runId).stream().map(d -> d.designation().address())
                .filter(Objects::nonNull).distinct().toList();
        files.exposures(runId).write(trace.chains(), labels, designated);
    }

    /**
     * Makes sure the exposure files of trace {@code source} are whole: waits for this class's thread, and when a
     * killed run left them missing, traces again and writes them.
     */
    void ensureWritten(RunParameters run, long source) {
        CompletableFuture<Void> p = pending.remove(source);
        if (p != null) {
            long t0 = System.nanoTime();
            try {
                p.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("writing exposures failed: " + e.getCause().getMessage(), e.getCause());
            }
            double waited = (System.nanoTime() - t0) / 1e9;
            if (waited >= 0.01) Console.progress("report", String.format("waited %.2f s for the exposures to be written", waited));
        }
        if (files.exposures(source).exist()) return;
        Console.progress("report", "exposures of run " + source + "'s trace missing (an interrupted run): tracing again to write them");
        writeNow(source, runner.trace(run, run.job()));
    }

    /** Waits for a background write of this run to end, however it ends (for a step that is failing anyway). */
    void awaitQuietly(long runId) {
        CompletableFuture<Void> p = pending.get(runId);
        if (p == null) return;
        try {
            p.join();
        } catch (CompletionException e) {
            // the failing step reports its own error; the files are written again when the run resumes
        }
    }

    /** A write still running finishes before the process ends. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.MINUTES);
    }
}
