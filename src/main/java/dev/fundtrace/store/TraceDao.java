package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * Which run's trace a run uses (table run_trace): its own, or that of an earlier run whose every input was the
 * same (an unchanged night reads the trace of the run that computed it).
 */
@Repository
public class TraceDao {

    private final JdbcTemplate jdbc;

    public TraceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void source(long runId, String inputs, long sourceRunId) {
        jdbc.update("DELETE FROM run_trace WHERE run_id = ?", runId);
        jdbc.update("INSERT INTO run_trace (run_id, inputs, source_run_id) VALUES (?, ?, ?)", runId, inputs, sourceRunId);
    }

    /** The run whose trace a completed earlier run of this job computed from exactly these inputs, if any. */
    public Optional<Long> reusable(String jobName, String inputs, long runId) {
        return jdbc.queryForList("""
                SELECT t.source_run_id FROM run_trace t JOIN run_history h ON h.run_id = t.run_id
                WHERE h.job_name = ? AND h.status = 'COMPLETED' AND t.inputs = ? AND t.run_id <> ?
                ORDER BY t.run_id DESC""", Long.class, jobName, inputs, runId).stream().findFirst();
    }

    /** The run whose exposures and flows this run reports (itself unless it reused a trace). */
    public long sourceOf(long runId) {
        return jdbc.queryForList("SELECT source_run_id FROM run_trace WHERE run_id = ?", Long.class, runId)
                .stream().findFirst().orElse(runId);
    }
}
