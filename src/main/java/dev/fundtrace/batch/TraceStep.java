package dev.fundtrace.batch;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Exposure;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/** Step 4: forward and backward trace over the job's ledger; stores every exposure. */
@Component
class TraceStep implements Tasklet {

    private final TraceRunner runner;
    private final RunRepository runs;
    private final TraceCache cache;
    private final RunFiles files;
    private final ExposureWriter writer;

    TraceStep(TraceRunner runner, RunRepository runs, TraceCache cache, RunFiles files, ExposureWriter writer) {
        this.writer = writer;
        this.runner = runner;
        this.runs = runs;
        this.cache = cache;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        String inputs = runner.inputsDigest(run, run.job());
        var reusable = runs.reusableTrace(run.jobName(), inputs, run.runId());
        if (reusable.isPresent()) {
            // same ledger, seeds, labels and parameters as a completed run: its trace is this run's trace
            runs.traceSource(run.runId(), inputs, reusable.get());
            runs.fact(run.runId(), "coverage", runs.fact(reusable.get(), "coverage").orElse("{\"chains\":[],\"sources\":[]}"));
            Console.progress("trace", "inputs unchanged since run " + reusable.get() + ": its trace is reused");
            return RepeatStatus.FINISHED;
        }
        ChainTrace trace = runner.trace(run, run.job());
        long t0 = System.nanoTime();
        List<Exposure> exposures = trace.exposures(new LabelBook(runs.labels(run.runId())));
        long t1 = System.nanoTime();
        writer.store(run.runId(), exposures, files.exposuresJson(run.runId()));
        runs.fact(run.runId(), "reachedAddresses", Integer.toString(trace.reachedAddresses()));
        runs.traceSource(run.runId(), inputs, run.runId());
        runs.fact(run.runId(), "coverage", Coverage.json(trace, runner.segments(run.job())));
        cache.put(run.runId(), trace);
        contribution.incrementWriteCount(exposures.size());
        Console.progress("trace", exposures.size() + " exposures in " + String.format("%.2f s", (t1 - t0) / 1e9)
                + (exposures.size() >= writer.backgroundMin() ? "; written to JSON and the database on a second thread" : ""));
        for (AssetTrace a : trace.assets()) {
            if (a.taint() != null && a.taint().leftHorizon() > 0) {
                Console.progress("trace", a.symbol() + ": taint that left the horizon "
                        + BigDecimal.valueOf(a.taint().leftHorizon()).toPlainString() + " raw units");
            }
        }
        return RepeatStatus.FINISHED;
    }
}
