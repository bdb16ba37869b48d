package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import org.springframework.stereotype.Component;

/** Gathers transfers from a JSON-RPC node into the ledger store; returns the fingerprint of what it stored. */
@Component
class RpcLedgerSource {
    String gather(RunParameters run, JobDefinition job) {
        throw new IllegalStateException("ledger.ethereum.rpc is not available in this build yet; use ledger.ethereum.files");
    }
}
