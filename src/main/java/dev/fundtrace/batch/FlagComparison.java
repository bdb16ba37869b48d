package dev.fundtrace.batch;

import dev.fundtrace.report.FlagSource;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.results.Findings;
import dev.fundtrace.rules.FlagKey;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.FlagKeyDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * A run's flags against the previous completed run's: which are new, and which of the previous run's are gone
 * (resolved). Runs are compared by their flags' key hashes ({@link FlagKey}), sorted arrays of eight bytes a
 * flag: the run that computed a set of flags keeps them in the database ({@link FlagKeyDao}); a run made by an
 * earlier version has its flag rows instead ({@link FlagDao}). Two runs with the same trace have the same flags.
 */
@Component
class FlagComparison {

    private final RunDao runDao;
    private final TraceDao traceDao;
    private final FlagKeyDao keyDao;
    private final FlagDao legacy;
    private final RunFiles files;

    FlagComparison(RunDao runDao, TraceDao traceDao, FlagKeyDao keyDao, FlagDao legacy, RunFiles files) {
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.keyDao = keyDao;
        this.legacy = legacy;
        this.files = files;
    }

    /**
     * Run {@code runId}'s flags against its previous run's.
     *
     * @param previous   the previous completed run, none on a first run
     * @param isNew      by key hash: new since {@code previous} (none on a first run, none when it had this trace)
     * @param resolved   the previous run's flags this run no longer raises, in report order
     * @param noneNew    true when no flag can be new: a first run, or a previous run with the same trace
     */
    record Result(Optional<RunDao.RunRow> previous, LongPredicate isNew, FlagSource resolved, boolean noneNew) {}

    Result compare(String job, long runId, java.time.LocalDate runDate) {
        Optional<RunDao.RunRow> previous = runDao.previousCompleted(job, runId, runDate);
        long source = traceDao.sourceOf(runId);
        if (previous.isEmpty() || traceDao.sourceOf(previous.get().runId()) == source) {
            return new Result(previous, k -> false, FlagSource.NONE, true);
        }
        long[] now = keysOf(runId);
        long[] before = keysOf(previous.get().runId());
        LongPredicate isNew = k -> Arrays.binarySearch(before, k) < 0;
        LongPredicate gone = k -> Arrays.binarySearch(now, k) < 0;
        boolean anyGone = Arrays.stream(before).anyMatch(gone::test);
        return new Result(previous, isNew, anyGone ? resolved(previous.get(), gone) : FlagSource.NONE, false);
    }

    /** The previous run's flags whose key {@code gone} takes, as that run reported them. */
    private FlagSource resolved(RunDao.RunRow previous, LongPredicate gone) {
        Findings findings = files.findings(traceDao.sourceOf(previous.runId()));
        if (findings.exist()) return findings.only(gone, newIn(previous));
        // a run of an earlier version: its flag rows, as stored
        List<RunReport.FlagRow> rows = legacy.of(previous.runId(), new HashMap<>()).stream()
                .filter(f -> gone.test(FlagKey.hash(key(f)))).toList();
        return FlagSource.of(rows, List.of());
    }

    /** Which of run {@code run}'s flags were new in it: against the run before it, as its own report said. */
    private LongPredicate newIn(RunDao.RunRow run) {
        Optional<RunDao.RunRow> before = runDao.previousCompleted(run.jobName(), run.runId(), run.runDate());
        if (before.isEmpty() || traceDao.sourceOf(before.get().runId()) == traceDao.sourceOf(run.runId())) return k -> false;
        long[] keys = keysOf(before.get().runId());
        return k -> Arrays.binarySearch(keys, k) < 0;
    }

    /** The key hashes of run {@code runId}'s flags, ascending. */
    long[] keysOf(long runId) {
        long source = traceDao.sourceOf(runId);
        Optional<long[]> stored = keyDao.of(source);
        if (stored.isPresent()) return stored.get();
        long[] keys = legacy.keys(runId).stream().mapToLong(FlagKey::hash).toArray();
        Arrays.sort(keys);
        return keys;
    }

    /** A flag row's identity, as {@link dev.fundtrace.rules.Flag#key()} spells it. */
    private static String key(RunReport.FlagRow f) {
        return f.rule() + "|" + f.chain() + "|" + f.asset() + "|" + f.address() + "|" + (f.seed() == null ? "" : f.seed());
    }
}
