package dev.fundtrace.batch;

import dev.fundtrace.report.JsonReportWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.Amounts;
import dev.fundtrace.store.ExposureDao;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.trace.Exposure;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds a trace's exposure records, writes them once as a JSON array (which every report of that trace splices
 * in) and stores them in the database; for a large set, on two threads of its own while the flag and report steps
 * run (the records first, then the JSON file and the rows side by side). The report step waits for it, so a run
 * completes only with every exposure stored; a run killed before that finds the rows incomplete when it resumes
 * and stores them again, and reads them back from the database when the JSON file is missing (see
 * {@link ReportStep}).
 */
@Component
class ExposureWriter {

    private final FactDao factDao;
    private final ExposureDao exposureDao;
    private final int backgroundMin;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fundtrace-exposures");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Background> pending = new ConcurrentHashMap<>();

    /** A store on this class's threads: {@code json} is done once the JSON file is complete (the rows may not be). */
    private record Background(Future<?> stored, CompletableFuture<Void> json) {}

    ExposureWriter(FactDao factDao, ExposureDao exposureDao,
                   @org.springframework.beans.factory.annotation.Value("${fundtrace.exposures.background-min:10000}") int backgroundMin) {
        this.factDao = factDao;
        this.exposureDao = exposureDao;
        this.backgroundMin = backgroundMin;
    }

    int backgroundMin() { return backgroundMin; }

    /**
     * Builds the run's {@code count} exposure records, writes them to {@code json} and stores them in the database:
     * on this class's two threads when there are many, while the flag and report steps run.
     */
    void store(long runId, int count, Supplier<List<Exposure>> build, Path json) {
        factDao.put(runId, "exposureCount", Integer.toString(count));
        if (count < backgroundMin) {
            List<Exposure> exposures = built(build, count);
            writeJson(exposures, json);
            exposureDao.replace(runId, exposures);
            return;
        }
        long t0 = System.nanoTime();
        var records = CompletableFuture.supplyAsync(() -> built(build, count), executor);
        // The rows are the first night's longest write and what the run waits for last: they start as soon as the
        // records are built, and the JSON file (which the report needs first, once the flags are done) beside them.
        var jsonDone = records.thenAcceptAsync(exposures -> writeJson(exposures, json), executor);
        var rows = records.thenAcceptAsync(exposures -> {
            long t1 = System.nanoTime();
            exposureDao.replace(runId, exposures);
            Console.progress("trace", String.format("%,d exposures built in %.2f s and stored in the database in %.2f s (other threads)",
                    count, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
        }, executor);
        pending.put(runId, new Background(CompletableFuture.allOf(rows, jsonDone), jsonDone));
    }

    /** The records, checked against the count recorded for them (a resumed run compares the stored rows with it). */
    private static List<Exposure> built(Supplier<List<Exposure>> build, int count) {
        List<Exposure> exposures = build.get();
        if (exposures.size() != count) {
            throw new IllegalStateException("built " + exposures.size() + " exposures where the trace counted " + count);
        }
        return exposures;
    }

    /** In trace order (asset, forward before backward, address id): stable from run to run. */
    private static void writeJson(List<Exposure> exposures, Path json) {
        JsonReportWriter.writeExposures(() -> exposures.stream().map(e -> Amounts.exposureRow(e.direction().id(),
                e.chain(), e.asset(), e.address(), e.hops(), Amounts.plain(e.taintedAmountRaw()), e.seed(), e.label(),
                e.category(), e.evidence())).iterator(), json);
    }

    /** True while this run's exposures are being built or stored on this class's threads. */
    boolean isPending(long runId) {
        Background b = pending.get(runId);
        return b != null && !b.stored().isDone();
    }

    /** Waits until the JSON file of a background store is complete (the rows may still be going in). */
    void awaitJson(long runId) {
        Background b = pending.get(runId);
        if (b == null) return;
        try {
            b.json().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("writing exposures failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits for a background store of this run; true when every exposure of the run is in the database. */
    boolean awaitStored(long runId) {
        Background b = pending.remove(runId);
        if (b != null) {
            try {
                long t0 = System.nanoTime();
                b.stored().get();
                Console.progress("report", String.format("waited %.2f s for the exposures to be in the database", (System.nanoTime() - t0) / 1e9));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing exposures", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("storing exposures failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        long expected = factDao.get(runId, "exposureCount").map(Long::parseLong).orElse(-1L);
        return expected >= 0 && exposureDao.count(runId) == expected;
    }

    /** Waits for a background store of this run to end, however it ends (for a step that is failing anyway). */
    void awaitQuietly(long runId) {
        Background b = pending.get(runId);
        if (b == null) return;
        try {
            b.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the failing step reports its own error; the store is redone when the run resumes
        }
    }

    /** A store still running finishes before the database it writes to is closed. */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.MINUTES);
    }
}
