package dev.fundtrace.batch;

import dev.fundtrace.audit.Digests;
import dev.fundtrace.chain.utxo.etl.BitcoinEtlLoader;
import dev.fundtrace.chain.utxo.etl.UtxoLoad;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.RejectionDao;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Step 3, for a Bitcoin-family chain: loads the chain's bitcoin-etl folder, records its refused rows and its
 * coverage with the run, and hands the ledger to the trace step.
 */
@Component
class UtxoLedgerStep {

    private final CoinLedgers ledgers;
    private final RejectionDao rejectionDao;
    private final FactDao factDao;
    private final AuditTrail audit;

    UtxoLedgerStep(CoinLedgers ledgers, RejectionDao rejectionDao, FactDao factDao, AuditTrail audit) {
        this.audit = audit;
        this.ledgers = ledgers;
        this.rejectionDao = rejectionDao;
        this.factDao = factDao;
    }

    /** The step's tasklet for one chain of the job. */
    Tasklet forChain(String chain) {
        return (StepContribution contribution, ChunkContext chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            JobDefinition job = run.job();
            var source = (JobDefinition.UtxoLedger) job.ledger().chains().get(chain);
            long t0 = System.nanoTime();
            // a folder is hashed once, on a thread of its own; later nights over it take those digests. Its files are
            // hashed once parsed: the parse keeps every core busy, the linking after it only one
            String fingerprint = CoinLedgers.fingerprint(source.files());
            var known = audit.knownExport(chain, fingerprint)
                    .map(k -> k.at(source.files().toAbsolutePath().normalize().toString()));
            var filesRead = new CompletableFuture<Void>();
            var digest = known.isPresent() ? null
                    : filesRead.thenCompose(read -> Digests.ofFolder(source.files(), BitcoinEtlLoader.filesRead(source.files())));
            UtxoLoad load;
            // the loader counts no rows as it goes: the heartbeat says what it reads, and for how long
            long bytes = CsvRowEstimate.bytes(source.files());
            try (var beat = Heartbeat.start("ledger", () -> String.format(java.util.Locale.ROOT,
                    "%s: reading %s of bitcoin-etl export in %s, %s so far", chain, CsvRowEstimate.size(bytes),
                    source.files(), Console.duration((System.nanoTime() - t0) / 1e9)))) {
                load = ledgers.load(source, job.ledger().maxRejectedShare(), () -> filesRead.complete(null));
            }
            var coverage = load.ledger().coverage();
            // rejected.csv names the file by its path in the chain's folder; the chain in front keeps two
            // chains' "enriched_transactions.json" apart
            List<Rejection> refused = new ArrayList<>();
            for (Rejection r : load.rejections()) refused.add(new Rejection(chain + "/" + r.source(), r.line(), r.reason(), r.record()));
            List<String> sources = refused.stream().map(Rejection::source).distinct().toList();
            rejectionDao.replace(run.runId(), sources, refused);
            load.warnings().forEach(w -> Console.progress("ledger", chain + ": warning: " + w));
            refused.stream().limit(20).forEach(r -> Console.progress("ledger", "refused " + r.message()));
            if (refused.size() > 20) Console.progress("ledger", "… " + (refused.size() - 20) + " more in rejected.csv");
            ledgers.put(source, load.ledger());
            RunReport.LedgerInput input = known.orElseGet(() -> RunReport.LedgerInput.of(chain, Digests.await(digest)));
            if (known.isEmpty()) audit.rememberExport(run.runId(), fingerprint, input);
            audit.ledger(run.runId(), input);
            contribution.incrementWriteCount(load.rowsRead());
            Console.progress("ledger", "loaded " + source.files() + ": " + Console.rate(load.rowsRead(), "rows", System.nanoTime() - t0)
                    + "; " + coverage.transactions() + " transactions, " + coverage.outputs() + " outputs, "
                    + coverage.unresolvedInputs() + " unresolved inputs, " + refused.size() + " refused");
            return RepeatStatus.FINISHED;
        };
    }
}
