package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.coin.CoinTrace;
import dev.fundtrace.rules.Flag;
import dev.fundtrace.rules.FlagEngine;
import dev.fundtrace.rules.FlagResult;
import dev.fundtrace.rules.RuleThresholds;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.FlowDao;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import dev.fundtrace.trace.ChainTrace;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Step 5: apply the rules; mark what is new since the previous completed run. */
@Component
class FlagStep implements Tasklet {

    private final TraceRunner runner;
    private final RunDao runDao;
    private final TraceDao traceDao;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final FlowDao flowDao;
    private final FlagDao flagDao;
    private final TraceCache cache;
    private final RunFiles files;

    FlagStep(TraceRunner runner, RunDao runDao, TraceDao traceDao, DesignationDao designationDao, LabelDao labelDao,
             FlowDao flowDao, FlagDao flagDao, TraceCache cache, RunFiles files) {
        this.runner = runner;
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.flowDao = flowDao;
        this.flagDao = flagDao;
        this.cache = cache;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        var previousRun = runDao.previousCompleted(job.name(), run.runId(), run.runDate());
        long source = traceDao.sourceOf(run.runId());
        if (source != run.runId()) {
            // the usual unchanged night: the previous run had this very trace, so none of its flags is new
            boolean sameAsPrevious = previousRun.isPresent() && traceDao.sourceOf(previousRun.get().runId()) == source;
            // and on a first run there is nothing to compare with: none is new either
            flagDao.reuse(run.runId(), source, sameAsPrevious || previousRun.isEmpty() ? null : keysOf(previousRun));
            Console.progress("flags", "flags of run " + source + " reused (same trace)");
            return RepeatStatus.FINISHED;
        }
        var previous = keysOf(previousRun);
        RunTrace trace = cache.get(run.runId());
        if (trace == null) trace = runner.trace(run, job); // resumed at this step: trace again
        var r = job.rules();
        FlagEngine engine = new FlagEngine(new LabelBook(labelDao.of(run.runId())), new RuleThresholds(
                r.indirectExposureMin(), r.rapidPassThroughWindow(), r.structuringThreshold(), r.structuringWindow(),
                r.structuringMinTransfers()));
        long t0 = System.nanoTime();
        // each chain's rules on its own trace; flags and flows of all chains go into one report
        List<FlagResult> perChain = new ArrayList<>();
        for (ChainTrace account : trace.accounts()) perChain.add(engine.evaluate(account, sanctioned(run, account.chain())));
        for (CoinTrace coins : trace.coins()) perChain.add(engine.evaluate(coins, sanctioned(run, coins.chain())));
        FlagResult result = FlagResult.merge(perChain);
        // a first run has nothing to compare with: no flag is "new since last run"
        boolean firstRun = previousRun.isEmpty();
        List<Flag> flags = result.flags().stream()
                .map(f -> f.withNewSinceLastRun(!firstRun && !previous.contains(f.key()))).toList();
        long t1 = System.nanoTime();
        files.forgetFlowsJson(run.runId());
        flowDao.replace(run.runId(), result.flows());
        flagDao.replace(run.runId(), flags);
        cache.clear(run.runId());
        contribution.incrementWriteCount(flags.size());
        Console.progress("flags", String.format("%d flags on %d flows: evaluated in %.2f s, stored in %.2f s",
                flags.size(), result.flows().size(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
        return RepeatStatus.FINISHED;
    }

    /** The chain's addresses on the loaded sanctions lists that were not selected as seeds. */
    private List<String> sanctioned(RunParameters run, String chain) {
        return designationDao.addresses(run.runId(), chain, false);
    }

    /** The flag keys of the previous completed run, none when there is none. */
    private Set<String> keysOf(Optional<RunDao.RunRow> previousRun) {
        return previousRun.<Set<String>>map(p -> new HashSet<>(flagDao.keys(p.runId()))).orElse(Set.of());
    }
}
