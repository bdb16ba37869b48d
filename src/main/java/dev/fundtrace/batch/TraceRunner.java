package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.ledger.store.SegmentInfo;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.JobSegmentDao;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.ChainTracer;
import dev.fundtrace.trace.TraceParameters;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Opens the job's ledger and traces it with the job's parameters (used by the trace step and on resume). */
@Component
class TraceRunner {

    private final LedgerStore store;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final JobSegmentDao segmentDao;
    private final LedgerCache ledgers;

    TraceRunner(LedgerStore store, DesignationDao designationDao, LabelDao labelDao, JobSegmentDao segmentDao,
                LedgerCache ledgers) {
        this.store = store;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.segmentDao = segmentDao;
        this.ledgers = ledgers;
    }

    List<SegmentInfo> segments(JobDefinition job) {
        return segmentDao.of(job.name(), Chain.ETHEREUM.id()).stream()
                .map(fp -> store.segment(Chain.ETHEREUM, fp).orElseThrow(() ->
                        new IllegalStateException("ledger segment " + fp + " is registered for job " + job.name() + " but missing")))
                .toList();
    }

    ChainTrace trace(RunParameters run, JobDefinition job) {
        long t0 = System.nanoTime();
        List<SegmentInfo> segments = segments(job);
        ChainLedger ledger = ledgers.take(segments.stream().map(SegmentInfo::fingerprint).toList());
        if (ledger == null) ledger = store.open(Chain.ETHEREUM, segments);
        long t1 = System.nanoTime();
        Console.progress("trace", "ledger ready: " + Console.rate(ledger.size(), t1 - t0) + " transfers");
        List<String> seeds = designationDao.addresses(run.runId(), Chain.ETHEREUM.id(), true);
        List<String> services = labelDao.addresses(run.runId(), Chain.ETHEREUM.id());
        var p = new TraceParameters(job.trace().direction().forward(), job.trace().direction().backward(),
                job.trace().maxHops(), dustRaw(ledger, job.trace().dust()));
        ChainTrace trace = new ChainTracer(ledger).trace(seeds, services, p);
        Console.progress("trace", seeds.size() + " seeds, " + trace.assets().size() + " assets traced in "
                + String.format("%.2f s", (System.nanoTime() - t1) / 1e9));
        return trace;
    }

    /**
     * Everything a trace and its flags depend on: the ledger's segments, the designations (seeds and the rest),
     * the labels and the trace and rule parameters. Two runs with the same digest have the same trace. The version
     * in front changes when the same inputs give other flags: v2 added PEEL_CHAIN, so a database's first night
     * after the upgrade evaluates the rules again instead of reusing flags that lack it.
     */
    String inputsDigest(RunParameters run, JobDefinition job) {
        StringBuilder sb = new StringBuilder("fundtrace-trace-v2\n");
        segments(job).forEach(s -> sb.append("segment ").append(s.fingerprint()).append('\n'));
        designationDao.of(run.runId()).forEach(d -> sb.append("designation ").append(d.designation().chain()).append(' ')
                .append(d.designation().address()).append(' ').append(d.seed()).append('\n'));
        labelDao.of(run.runId()).stream().map(l -> "label " + l.chain() + " " + l.address() + " " + l.category() + " " + l.label())
                .sorted().forEach(l -> sb.append(l).append('\n'));
        sb.append(job.trace()).append('\n').append(job.rules()).append('\n');
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dust limits from display units to raw units, per asset key (symbol or token address in the job file). */
    static Map<String, BigInteger> dustRaw(ChainLedger ledger, Map<String, BigDecimal> dust) {
        Map<String, BigInteger> raw = new HashMap<>();
        if (dust.isEmpty()) return raw;
        for (int a = 0; a < ledger.assetCount(); a++) {
            AssetInfo info = ledger.assetInfo(a);
            for (var e : dust.entrySet()) {
                if (info.answersTo(e.getKey())) raw.put(info.asset(), info.raw(e.getValue()).setScale(0, RoundingMode.CEILING).toBigInteger());
            }
        }
        return raw;
    }
}
