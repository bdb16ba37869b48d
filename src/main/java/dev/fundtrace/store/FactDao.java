package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Small per-run values for the report (table run_fact): coverage, counts, warnings, as text or JSON. */
@Repository
public class FactDao {

    private static final String LEDGER_WARNINGS = "ledgerWarnings.";

    private final JdbcTemplate jdbc;

    public FactDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void put(long runId, String name, String value) {
        forget(runId, name);
        jdbc.update("INSERT INTO run_fact (run_id, fact_name, fact_value) VALUES (?, ?, ?)", runId, name, value);
    }

    public Optional<String> get(long runId, String name) {
        return jdbc.queryForList("SELECT fact_value FROM run_fact WHERE run_id = ? AND fact_name = ?", String.class, runId, name)
                .stream().findFirst();
    }

    /** The fact {@code name} as the latest run that recorded it has it (facts of an export, kept by its fingerprint). */
    public Optional<String> latestOfAnyRun(String name) {
        return jdbc.queryForList("SELECT fact_value FROM run_fact WHERE fact_name = ? ORDER BY run_id DESC", String.class, name)
                .stream().findFirst();
    }

    void forget(long runId, String name) {
        jdbc.update("DELETE FROM run_fact WHERE run_id = ? AND fact_name = ?", runId, name);
    }

    /**
     * What an analyst must know about a loaded export (skipped NFTs, assumed status, …), as recorded by the run
     * that loaded it last: later nights that use the stored segment report them too.
     */
    public List<String> ledgerWarnings(String fingerprint) {
        return jdbc.queryForList("SELECT fact_value FROM run_fact WHERE fact_name = ? ORDER BY run_id DESC", String.class,
                LEDGER_WARNINGS + fingerprint).stream().findFirst().filter(w -> !w.isBlank())
                .map(w -> List.of(w.split("\n"))).orElse(List.of());
    }

    /** Records the warnings of the export {@code fingerprint} that run {@code runId} loads (see {@link #ledgerWarnings}). */
    public void ledgerWarnings(long runId, String fingerprint, List<String> warnings) {
        put(runId, LEDGER_WARNINGS + fingerprint, String.join("\n", warnings));
    }
}
