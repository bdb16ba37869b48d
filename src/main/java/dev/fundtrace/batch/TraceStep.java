package dev.fundtrace.batch;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

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
        // the trace is done here; its exposure records are for report.json and the database only, and the writer
        // builds them (for a large trace on its own threads, while the flag rules run on this one)
        LabelBook labels = new LabelBook(runs.labels(run.runId()));
        int count = trace.exposureCount();
        writer.store(run.runId(), count, () -> trace.exposures(labels), files.exposuresJson(run.runId()));
        runs.fact(run.runId(), "reachedAddresses", Integer.toString(trace.reachedAddresses()));
        runs.traceSource(run.runId(), inputs, run.runId());
        runs.fact(run.runId(), "coverage", Coverage.json(trace, runner.segments(run.job())));
        cache.put(run.runId(), trace);
        contribution.incrementWriteCount(count);
        Console.progress("trace", count + " exposures"
                + (count >= writer.backgroundMin() ? "; built, written to JSON and stored in the database on other threads" : ""));
        for (AssetTrace a : trace.assets()) {
            if (a.taint() != null && a.taint().leftHorizon().signum() > 0) {
                Console.progress("trace", a.symbol() + ": taint that left the horizon "
                        + a.taint().leftHorizon() + " raw units");
            }
        }
        return RepeatStatus.FINISHED;
    }
}
