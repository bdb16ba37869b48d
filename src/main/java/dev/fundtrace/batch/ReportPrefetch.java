package dev.fundtrace.batch;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.FlowDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads the flows and flags of the previous completed run's trace on a second thread while the first steps run. An
 * unchanged night reuses that trace and those flags, and its report step otherwise spends most of its time reading
 * these rows back cold. A first night starts nothing; a night whose trace or flags changed does not use what was
 * read. The flows of a completed run's trace, and the flag rows of a run, never change, so what was read stays right.
 */
@Component
class ReportPrefetch implements JobExecutionListener {

    private final RunDao runDao;
    private final TraceDao traceDao;
    private final FlowDao flowDao;
    private final FlagDao flagDao;
    private final Map<Long, Prefetched> byRun = new ConcurrentHashMap<>();

    /** What was read for a run: the flows of trace {@code source} and the flag rows stored under run {@code flagRun}. */
    private record Prefetched(long source, long flagRun, CompletableFuture<List<RunReport.FlowRow>> flows,
                              CompletableFuture<List<RunReport.FlagRow>> flags) {}

    ReportPrefetch(RunDao runDao, TraceDao traceDao, FlowDao flowDao, FlagDao flagDao) {
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.flowDao = flowDao;
        this.flagDao = flagDao;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunParameters p = RunParameters.of(execution);
        runDao.previousCompleted(p.jobName(), p.runId(), p.runDate()).ifPresent(previous -> {
            long source = traceDao.sourceOf(previous.runId());
            long flagRun = flagDao.flagRunOf(previous.runId());
            // one thread, flows then flags: the job's own steps keep the other core
            var flows = CompletableFuture.supplyAsync(() -> flowDao.ofTrace(source), ReportPrefetch::onPrefetchThread);
            var flags = flows.thenApply(f -> flagDao.stored(flagRun));
            byRun.put(p.runId(), new Prefetched(source, flagRun, flows, flags));
        });
    }

    @Override
    public void afterJob(JobExecution execution) {
        byRun.remove(RunParameters.of(execution).runId());
    }

    /** The flows of the trace {@code source} for run {@code runId} (without paths): those read ahead when it is that trace. */
    List<RunReport.FlowRow> flowsOfTrace(long runId, long source) {
        Prefetched p = byRun.get(runId);
        return p != null && p.source() == source ? readAhead(p.flows(), () -> flowDao.ofTrace(source), "flows of run " + source + "'s trace")
                : flowDao.ofTrace(source);
    }

    /** The flag rows stored under run {@code flagRun}: those read ahead when they are that run's. */
    List<RunReport.FlagRow> storedFlags(long runId, long flagRun) {
        Prefetched p = byRun.get(runId);
        return p != null && p.flagRun() == flagRun ? readAhead(p.flags(), () -> flagDao.stored(flagRun), "flags of run " + flagRun)
                : flagDao.stored(flagRun);
    }

    private static <T> T readAhead(CompletableFuture<T> ahead, Supplier<T> again, String what) {
        try {
            T value = ahead.join();
            Console.progress("report", what + " read ahead");
            return value;
        } catch (CompletionException e) {
            return again.get(); // a failure of the read ahead is not the report's: read again
        }
    }

    private static void onPrefetchThread(Runnable task) {
        Thread.ofPlatform().daemon().name("fundtrace-prefetch").start(task);
    }
}
