package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.coin.CoinTrace;
import dev.fundtrace.trace.coin.CoinTraceParameters;
import dev.fundtrace.trace.coin.CoinTracer;
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
import java.util.ArrayList;
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

    private final CoinLedgers coinLedgers;

    TraceRunner(LedgerStore store, DesignationDao designationDao, LabelDao labelDao, JobSegmentDao segmentDao,
                LedgerCache ledgers, CoinLedgers coinLedgers) {
        this.coinLedgers = coinLedgers;
        this.store = store;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.segmentDao = segmentDao;
        this.ledgers = ledgers;
    }

    /** The stored segments of the job's account-chain ledger (none when the job traces no Ethereum). */
    List<SegmentInfo> segments(JobDefinition job) {
        var eth = job.ledger().ethereum();
        if (eth == null) return List.of();
        return segmentDao.of(job.name(), eth.chain().id()).stream()
                .map(fp -> store.segment(eth.chain(), fp).orElseThrow(() ->
                        new IllegalStateException("ledger segment " + fp + " is registered for job " + job.name() + " but missing")))
                .toList();
    }

    /** Traces every chain of the job, each with its family's kernel. */
    RunTrace trace(RunParameters run, JobDefinition job) {
        List<ChainTrace> accounts = new ArrayList<>();
        List<CoinTrace> coins = new ArrayList<>();
        job.ledger().chains().forEach((chain, source) -> {
            switch (source) {
                case JobDefinition.EthereumLedger eth -> accounts.add(traceAccounts(run, job, eth));
                case JobDefinition.UtxoLedger utxo -> coins.add(traceCoins(run, job, utxo));
            }
        });
        return new RunTrace(accounts, coins);
    }

    private ChainTrace traceAccounts(RunParameters run, JobDefinition job, JobDefinition.EthereumLedger eth) {
        long t0 = System.nanoTime();
        List<SegmentInfo> segments = segments(job);
        ChainLedger ledger = ledgers.take(segments.stream().map(SegmentInfo::fingerprint).toList());
        if (ledger == null) ledger = store.open(eth.chain(), segments);
        long t1 = System.nanoTime();
        Console.progress("trace", String.format(java.util.Locale.ROOT, "%s: ledger of %,d transfers ready in %s",
                eth.chain().id(), ledger.size(), Console.seconds(t1 - t0)));
        List<String> seeds = designationDao.addresses(run.runId(), eth.chain().id(), true);
        List<String> services = labelDao.addresses(run.runId(), eth.chain().id());
        var p = new TraceParameters(job.trace().direction().forward(), job.trace().direction().backward(),
                job.trace().maxHops(), dustRaw(ledger, job.trace().dust()));
        ChainTrace trace;
        try (var beat = tracing(eth.chain().id(), seeds.size(), ledger.size(), "transfers", t1)) {
            trace = new ChainTracer(ledger).trace(seeds, services, p);
        }
        Console.progress("trace", eth.chain().id() + ": " + Console.count(seeds.size(), "seed") + ", " + trace.assets().size()
                + " assets traced in " + String.format("%.2f s", (System.nanoTime() - t1) / 1e9));
        return trace;
    }

    private CoinTrace traceCoins(RunParameters run, JobDefinition job, JobDefinition.UtxoLedger source) {
        long t0 = System.nanoTime();
        String chain = source.chain().id();
        CoinLedger ledger = coinLedgers.take(source, job.ledger().maxRejectedShare());
        long t1 = System.nanoTime();
        List<String> seeds = designationDao.addresses(run.runId(), chain, true);
        List<String> services = labelDao.addresses(run.runId(), chain);
        var t = job.trace();
        var p = new CoinTraceParameters(t.direction().forward(), t.direction().backward(), t.maxHops(),
                coinDustRaw(source.chain(), t.dust()), t.clustering().enabled(), t.clustering().extendSeeds());
        CoinTrace trace;
        try (var beat = tracing(chain, seeds.size(), ledger.txCount(), "transactions", t1)) {
            trace = new CoinTracer().trace(ledger, seeds, services, p);
        }
        Console.progress("trace", String.format(java.util.Locale.ROOT, "%s: %s over %,d transactions, ready in %s, traced in %s",
                chain, Console.count(seeds.size(), "seed"), ledger.txCount(), Console.seconds(t1 - t0),
                Console.seconds(System.nanoTime() - t1)));
        return trace;
    }

    /** The kernels report no progress of their own: the heartbeat says which chain is being traced, and for how long. */
    private static Heartbeat tracing(String chain, int seeds, long records, String unit, long startNanos) {
        return Heartbeat.start("trace", () -> String.format(java.util.Locale.ROOT, "%s: tracing %s over %,d %s, %s so far",
                chain, Console.count(seeds, "seed"), records, unit, Console.duration((System.nanoTime() - startNanos) / 1e9)));
    }

    /** A UTXO chain's dust limit in its smallest unit, from the job's display units for its symbol (0 when none). */
    static long coinDustRaw(Chain chain, Map<String, BigDecimal> dust) {
        BigDecimal d = dust.get(chain.nativeAsset());
        if (d == null) return 0;
        return d.movePointRight(chain.nativeDecimals()).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Everything a trace and its flags depend on: the ledger's segments, the designations (seeds and the rest),
     * the labels and the trace and rule parameters. Two runs with the same digest have the same trace. The version
     * in front changes when the same inputs give other flags, or the flags are kept otherwise: v2 added PEEL_CHAIN, v3 the
     * UTXO chains, v4 keeps them in files (findings) instead of rows, so a database's first night after the upgrade
     * traces and evaluates the rules again instead of reusing flags it cannot read.
     */
    String inputsDigest(RunParameters run, JobDefinition job) {
        StringBuilder sb = new StringBuilder("fundtrace-trace-v4\n");
        segments(job).forEach(s -> sb.append("segment ").append(s.fingerprint()).append('\n'));
        job.ledger().chains().values().forEach(source -> {
            if (source instanceof JobDefinition.UtxoLedger u) {
                sb.append("utxo ").append(u.chain().id()).append(' ').append(CoinLedgers.fingerprint(u.files())).append('\n');
            }
        });
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
