package dev.fundtrace.batch;

import dev.fundtrace.ledger.store.ChainLedger;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hands the ledger the ledger step has just loaded to the trace step of the same process, so ten million
 * transfers are not read back from the segment files they were written to a second earlier. Held for one
 * hand-over only; a resumed run finds nothing here and opens the files.
 */
@Component
class LedgerCache {
    private List<String> fingerprints;
    private ChainLedger ledger;

    synchronized void put(List<String> fingerprints, ChainLedger ledger) {
        this.fingerprints = List.copyOf(fingerprints);
        this.ledger = ledger;
    }

    /** The cached ledger when it holds exactly these segments; the cache is emptied either way. */
    synchronized ChainLedger take(List<String> fingerprints) {
        ChainLedger hit = fingerprints.equals(this.fingerprints) ? ledger : null;
        this.fingerprints = null;
        this.ledger = null;
        return hit;
    }
}
