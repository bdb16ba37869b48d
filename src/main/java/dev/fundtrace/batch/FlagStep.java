package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.results.Findings;
import dev.fundtrace.results.FindingsWriter;
import dev.fundtrace.rules.FlagEngine;
import dev.fundtrace.rules.RuleThresholds;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.FlagKeyDao;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.store.TraceDao;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.coin.CoinTrace;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Step 5: apply the rules to the trace and write its findings (flags, flows) as files, in one pass: the engine
 * hands each flow and each rule hit to a {@link FindingsWriter} as it finds them, which sorts and merges them on
 * disk. The flags depend only on the trace, so a run that reuses a trace has them already; whether a flag is new
 * since the last run is the report's to say. The database gets the flags' key hashes, for comparing runs.
 */
@Component
class FlagStep implements Tasklet {

    private final TraceRunner runner;
    private final TraceDao traceDao;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final FlagKeyDao keyDao;
    private final TraceCache cache;
    private final RunFiles files;

    FlagStep(TraceRunner runner, TraceDao traceDao, DesignationDao designationDao, LabelDao labelDao,
             FlagKeyDao keyDao, TraceCache cache, RunFiles files) {
        this.runner = runner;
        this.traceDao = traceDao;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.keyDao = keyDao;
        this.cache = cache;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        long source = traceDao.sourceOf(run.runId());
        Findings findings = files.findings(source);
        if (source != run.runId() && findings.exist() && keyDao.of(source).isPresent()) {
            Console.progress("flags", "flags of run " + source + " reused (same trace)");
            return RepeatStatus.FINISHED;
        }
        RunTrace trace = cache.get(run.runId());
        if (trace == null) trace = runner.trace(run, run.job()); // resumed at this step, or the files went missing
        var written = evaluate(run, source, trace, findings);
        cache.clear(run.runId());
        contribution.incrementWriteCount(written.flags());
        return RepeatStatus.FINISHED;
    }

    /** The rules over every chain of the trace, into the findings of trace {@code source}. */
    private FindingsWriter.Written evaluate(RunParameters run, long source, RunTrace trace, Findings findings) {
        JobDefinition job = run.job();
        var r = job.rules();
        FlagEngine engine = new FlagEngine(new LabelBook(labelDao.of(run.runId())), new RuleThresholds(
                r.indirectExposureMin(), r.rapidPassThroughWindow(), r.structuringThreshold(), r.structuringWindow(),
                r.structuringMinTransfers()));
        long t0 = System.nanoTime(), c0 = threadCpu();
        FindingsWriter.Written written;
        // each chain's rules on its own trace; flags and flows of all chains go into one set of findings
        try (FindingsWriter out = new FindingsWriter(findings)) {
            for (ChainTrace account : trace.accounts()) engine.evaluate(account, sanctioned(run, account.chain()), out);
            for (CoinTrace coins : trace.coins()) engine.evaluate(coins, sanctioned(run, coins.chain()), out);
            long t1 = System.nanoTime(), c1 = threadCpu();
            written = out.finish();
            keyDao.put(source, written.sortedKeys());
            Console.progress("flags", String.format("%d flags on %d flows: evaluated in %.2f s (cpu %.2f s), sorted and written in %.2f s (cpu %.2f s)",
                    written.flags(), written.flows(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, (System.nanoTime() - t1) / 1e9,
                    (threadCpu() - c1) / 1e9));
        }
        return written;
    }

    /** This thread's CPU time so far: the machine is shared, and the wall time alone says little. */
    static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The chain's addresses on the loaded sanctions lists that were not selected as seeds. */
    private List<String> sanctioned(RunParameters run, String chain) {
        return designationDao.addresses(run.runId(), chain, false);
    }
}
