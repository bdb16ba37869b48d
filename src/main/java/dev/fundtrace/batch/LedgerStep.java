package dev.fundtrace.batch;

import dev.fundtrace.audit.Digests;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.chain.ethereum.etl.EtlExportLoader;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.JobSegmentDao;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;


/**
 * Step 3: bring the job's transfers into the ledger store. An export already stored (same fingerprint) is not
 * read again; a new one is parsed on all cores and stored as segments.
 */
@Component
class LedgerStep implements Tasklet {

    private final LedgerStore store;
    private final JobSegmentDao segmentDao;
    private final FactDao factDao;
    private final RpcLedgerSource rpc;
    private final LedgerCache cache;
    private final AuditTrail audit;

    LedgerStep(LedgerStore store, JobSegmentDao segmentDao, FactDao factDao, RpcLedgerSource rpc, LedgerCache cache,
               AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.segmentDao = segmentDao;
        this.factDao = factDao;
        this.rpc = rpc;
        this.cache = cache;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        JobDefinition.EthereumLedger eth = job.ledger().ethereum();
        if (!eth.fromFiles()) {
            String fingerprint = rpc.gather(run, job);
            segmentDao.use(job.name(), eth.chain().id(), fingerprint);
            audit.ledger(run.runId(), RunReport.LedgerInput.rpc(eth.chain().id(),
                    dev.fundtrace.chain.ethereum.rpc.RedactedUrl.of(eth.rpc())));
            return RepeatStatus.FINISHED;
        }
        String fingerprint = EtlExportLoader.fingerprint(eth.files(), eth.assumeSuccess());
        // an export is hashed once, on a thread of its own while it is parsed; later nights over it take those digests
        var known = audit.knownExport(eth.chain().id(), fingerprint)
                .map(k -> k.at(eth.files().toAbsolutePath().normalize().toString()));
        var digest = known.isPresent() ? null : Digests.ofFolder(eth.files(), EtlExportLoader.filesRead(eth.files()));
        var existing = store.segment(eth.chain(), fingerprint);
        if (existing.isPresent() && !store.intact(eth.chain(), existing.get())) {
            Console.progress("ledger", "stored segment of " + eth.files() + " is missing or incomplete: loading the export again");
            existing = java.util.Optional.empty();
        }
        if (existing.isPresent()) {
            Console.progress("ledger", eth.files() + ": already loaded (" + existing.get().transfers()
                    + " transfers, " + existing.get().rejected() + " rows refused); not read again");
        } else {
            load(run, job, eth, fingerprint, contribution);
        }
        segmentDao.use(job.name(), eth.chain().id(), fingerprint);
        RunReport.LedgerInput input = known.orElseGet(() -> RunReport.LedgerInput.of(eth.chain().id(), Digests.await(digest)));
        if (known.isEmpty()) audit.rememberExport(run.runId(), fingerprint, input);
        audit.ledger(run.runId(), input);
        return RepeatStatus.FINISHED;
    }

    /** Parses the export, stores it as a segment and, when it fits, keeps it in memory; returns the rows kept. */
    private long load(RunParameters run, JobDefinition job, JobDefinition.EthereumLedger eth, String fingerprint,
                      StepContribution contribution) {
        long t0 = System.nanoTime();
        ProgressCount read = new ProgressCount(eth.chain().id() + " export", "rows", CsvRowEstimate.rows(eth.files()), t0);
        EtlExportLoader loader = new EtlExportLoader(Runtime.getRuntime().availableProcessors(), read::add);
        boolean soleLedger = segmentDao.of(job.name(), eth.chain().id()).stream().allMatch(fingerprint::equals);
        loader.roomToJoin(soleLedger && fitsInMemory(EtlExportLoader.transactionsAtMost(eth.files())));
        EtlExportLoader.Result result;
        try (var beat = Heartbeat.start("ledger", read::line)) {
            result = loader.load(eth.files(), eth.assumeSuccess(), job.ledger().maxRejectedShare());
        }
        long t1 = System.nanoTime();
        result.warnings().forEach(w -> Console.progress("ledger", "warning: " + w));
        result.rejections().stream().limit(20).forEach(r -> Console.progress("ledger", "refused " + r.message()));
        if (result.rejections().size() > 20) Console.progress("ledger", "… " + (result.rejections().size() - 20) + " more in rejected.csv");
        // The segment files are written on a second thread while this one joins the parts into the ledger the
        // trace step will use; the step ends only when both are done and the segment is registered. The ledger
        // is kept only when it is this job's whole ledger and fits easily: the copy holds the transaction hashes
        // on the heap (~100 bytes a transfer with the join), where the files keep them memory-mapped.
        long rows = result.parts().stream().mapToLong(p -> p.size()).sum();
        boolean keep = soleLedger && fitsInMemory(rows);
        // That thread commits on its own, outside this step's transaction: the warnings are recorded there first,
        // so that a kill cannot leave the segment registered (and never loaded again) without them.
        var stored = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            factDao.ledgerWarnings(run.runId(), fingerprint, result.warnings());
            return store.store(eth.chain(), result.parts(), fingerprint, eth.files().toString(), result.reverted(),
                    result.rowsRead(), result.rejections());
        });
        if (keep) cache.put(java.util.List.of(fingerprint), store.inMemory(eth.chain(), result.parts()));
        var info = stored.join();
        contribution.incrementWriteCount(result.rowsRead());
        contribution.incrementWriteCount(info.transfers());
        Console.progress("ledger", "loaded " + eth.files() + ": " + Console.rate(result.rowsRead(), "rows", t1 - t0)
                + "; " + info.transfers() + " transfers, " + info.reverted() + " reverted, "
                + info.rejected() + " refused; stored in " + String.format("%.2f s", (System.nanoTime() - t1) / 1e9));
        return rows;
    }

    private static boolean fitsInMemory(long transfers) {
        return transfers * 100 < Runtime.getRuntime().maxMemory() / 3;
    }
}
