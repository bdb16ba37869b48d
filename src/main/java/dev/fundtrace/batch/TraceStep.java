package dev.fundtrace.batch;

import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.TraceDao;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Step 4: forward and backward trace over the job's ledger; writes every exposure (see {@link ExposureWriter}). */
@Component
class TraceStep implements Tasklet {

    private final TraceRunner runner;
    private final TraceDao traceDao;
    private final FactDao factDao;
    private final TraceCache cache;
    private final ExposureWriter writer;

    TraceStep(TraceRunner runner, TraceDao traceDao, FactDao factDao, TraceCache cache, ExposureWriter writer) {
        this.writer = writer;
        this.runner = runner;
        this.traceDao = traceDao;
        this.factDao = factDao;
        this.cache = cache;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        String inputs = runner.inputsDigest(run, run.job());
        var reusable = traceDao.reusable(run.jobName(), inputs, run.runId());
        if (reusable.isPresent()) {
            // same ledger, seeds, labels and parameters as a completed run: its trace is this run's trace
            traceDao.source(run.runId(), inputs, reusable.get());
            factDao.put(run.runId(), "coverage", factDao.get(reusable.get(), "coverage").orElse("{\"chains\":[],\"sources\":[]}"));
            factDao.put(run.runId(), "clusters", factDao.get(reusable.get(), "clusters").orElse("[]"));
            Console.progress("trace", "inputs unchanged since run " + reusable.get() + ": its trace is reused");
            return RepeatStatus.FINISHED;
        }
        RunTrace trace = runner.trace(run, run.job());
        // the trace is done here; its exposure records are for report.json and page one only, and the writer makes
        // them (for a large trace on its own thread, while the flag rules run on this one)
        int count = trace.exposureCount();
        writer.write(run.runId(), trace);
        factDao.put(run.runId(), "reachedAddresses", Integer.toString(trace.reachedAddresses()));
        traceDao.source(run.runId(), inputs, run.runId());
        factDao.put(run.runId(), "coverage", Coverage.json(trace, runner.segments(run.job())));
        factDao.put(run.runId(), "clusters", Clusters.json(trace.coins()));
        cache.put(run.runId(), trace);
        contribution.incrementWriteCount(count);
        Console.progress("trace", count + " exposures"
                + (count >= writer.backgroundMin() ? "; written on another thread" : ""));
        for (ChainTrace account : trace.accounts()) {
            for (AssetTrace a : account.assets()) {
                if (a.taint() != null && a.taint().leftHorizon().signum() > 0) {
                    Console.progress("trace", account.chain() + " " + a.symbol() + ": haircut taint that left the"
                            + " horizon (beyond the last hop traced): " + Console.amount(a.taint().leftHorizon(), a.decimals(), a.symbol()));
                }
            }
        }
        return RepeatStatus.FINISHED;
    }
}
