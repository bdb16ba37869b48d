package dev.fundtrace.batch;

import dev.fundtrace.chain.ethereum.etl.EtlExportCheck;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobDefinition.EthereumLedger;
import dev.fundtrace.jobfile.JobDefinition.UtxoLedger;

import java.util.List;

/** For {@code validate}: each chain of the job asks its own family what it can check of its source without loading it. */
public final class LedgerChecks {

    private LedgerChecks() {}

    /** One line per chain, in the job's order; a source that cannot be loaded throws the family's error. */
    public static List<String> describe(JobDefinition job) {
        return job.ledger().chains().values().stream().map(source -> switch (source) {
            case EthereumLedger e when e.fromFiles() -> EtlExportCheck.describe(job.jobFile(), e.files(), e.assumeSuccess());
            case EthereumLedger e -> "ledger: JSON-RPC node (not contacted by validate)";
            case UtxoLedger u -> u.files() + ": bitcoin-etl export folder for " + u.chain().id() + " (read by the run)";
        }).toList();
    }
}
