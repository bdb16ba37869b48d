package dev.fundtrace.batch;

import dev.fundtrace.audit.FileDigest;
import dev.fundtrace.audit.FundtraceVersion;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.FactDao;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs each step read, kept with the run as facts as the step ends, so that the report (and a resumed run,
 * whose earlier steps do not run again) names what the run read. A ledger folder's digests are also kept by the
 * export's fingerprint: a later night over the same export takes them from there instead of reading every byte again.
 */
@Component
class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DESIGNATIONS = "audit.designations", LABELS = "audit.labels", LEDGER = "audit.ledger.",
            BY_FINGERPRINT = "ledgerDigest.";

    private final FactDao facts;

    AuditTrail(FactDao facts) {
        this.facts = facts;
    }

    void designations(long runId, List<RunReport.DesignationInput> files) {
        facts.put(runId, DESIGNATIONS, JSON.writeValueAsString(files));
    }

    void labels(long runId, List<FileDigest> files) {
        facts.put(runId, LABELS, JSON.writeValueAsString(files));
    }

    void ledger(long runId, RunReport.LedgerInput ledger) {
        facts.put(runId, LEDGER + ledger.chain(), JSON.writeValueAsString(ledger));
    }

    /** The digests of a chain's export as a run took them when it read the export with this fingerprint. */
    Optional<RunReport.LedgerInput> knownExport(String chain, String fingerprint) {
        return facts.latestOfAnyRun(BY_FINGERPRINT + chain + "." + fingerprint)
                .map(json -> JSON.readValue(json, RunReport.LedgerInput.class));
    }

    void rememberExport(long runId, String fingerprint, RunReport.LedgerInput ledger) {
        facts.put(runId, BY_FINGERPRINT + ledger.chain() + "." + fingerprint, JSON.writeValueAsString(ledger));
    }

    /**
     * The run's audit trail: what its steps recorded, fundtrace's version and the digest of the job file's text
     * the run goes by.
     */
    RunReport.Audit of(long runId, JobDefinition job, String jobFileText, FileDigest reviews) {
        List<RunReport.LedgerInput> ledgers = new ArrayList<>();
        for (String chain : job.ledger().chains().keySet()) {
            facts.get(runId, LEDGER + chain).ifPresent(json -> ledgers.add(JSON.readValue(json, RunReport.LedgerInput.class)));
        }
        return new RunReport.Audit(FundtraceVersion.current(),
                FileDigest.ofText(job.jobFile().toAbsolutePath().normalize().toString(), jobFileText),
                facts.get(runId, DESIGNATIONS).map(j -> JSON.readValue(j, new TypeReference<List<RunReport.DesignationInput>>() {}))
                        .orElse(List.of()),
                facts.get(runId, LABELS).map(j -> JSON.readValue(j, new TypeReference<List<FileDigest>>() {})).orElse(List.of()),
                ledgers, reviews);
    }
}
