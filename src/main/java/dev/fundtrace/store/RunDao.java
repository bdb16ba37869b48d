package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs and their outcome (table run_history): what {@code fundtrace history} lists. */
@Repository
public class RunDao {

    public record RunRow(long runId, String jobName, LocalDate runDate, boolean rerun, String status, Instant startedAt,
                         Instant endedAt, String reportDir, Integer designations, Integer seeds, Long transfers,
                         Integer reached, Integer high, Integer medium, Integer low, String message) {}

    private final JdbcTemplate jdbc;

    public RunDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A resumed run keeps its row (and its start time); its status and end are those of the new attempt. */
    public void started(long runId, String job, LocalDate runDate, boolean rerun) {
        int n = jdbc.update("UPDATE run_history SET status = 'STARTED', message = NULL, ended_at = NULL WHERE run_id = ?", runId);
        if (n == 0) {
            jdbc.update("INSERT INTO run_history (run_id, job_name, run_date, rerun, status, started_at) VALUES (?, ?, ?, ?, 'STARTED', ?)",
                    runId, job, Date.valueOf(runDate), rerun, Timestamp.from(Instant.now()));
        }
    }

    public void finished(long runId, String status, String message) {
        jdbc.update("UPDATE run_history SET status = ?, ended_at = ?, message = ? WHERE run_id = ?",
                status, Timestamp.from(Instant.now()), message == null ? null : Columns.truncate(message, 2000), runId);
    }

    public void summary(long runId, String reportDir, int designations, int seeds, long transfers, int reached,
                        Map<String, Integer> flags) {
        jdbc.update("""
                UPDATE run_history SET report_dir = ?, designations = ?, seeds = ?, transfers = ?, reached = ?,
                       flags_high = ?, flags_medium = ?, flags_low = ? WHERE run_id = ?""",
                reportDir, designations, seeds, transfers, reached, flags.getOrDefault("HIGH", 0),
                flags.getOrDefault("MEDIUM", 0), flags.getOrDefault("LOW", 0), runId);
    }

    /** One run's row, if recorded. */
    public Optional<RunRow> find(long runId) {
        return history(null).stream().filter(r -> r.runId() == runId).findFirst();
    }

    /** A rerun kept this run's report folder under another name. */
    public void reportMoved(long runId, String reportDir) {
        jdbc.update("UPDATE run_history SET report_dir = ? WHERE run_id = ?", reportDir, runId);
    }

    /** The runs of a job (of every job when {@code jobName} is null), oldest first. */
    public List<RunRow> history(String jobName) {
        String sql = """
                SELECT run_id, job_name, run_date, rerun, status, started_at, ended_at, report_dir, designations, seeds,
                       transfers, reached, flags_high, flags_medium, flags_low, message
                FROM run_history %s ORDER BY started_at, run_id""".formatted(jobName == null ? "" : "WHERE job_name = ?");
        Object[] args = jobName == null ? new Object[0] : new Object[]{jobName};
        return jdbc.query(sql, (rs, n) -> new RunRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
                (Integer) rs.getObject(9), (Integer) rs.getObject(10), rs.getObject(11) == null ? null : rs.getLong(11),
                (Integer) rs.getObject(12), (Integer) rs.getObject(13), (Integer) rs.getObject(14),
                (Integer) rs.getObject(15), rs.getString(16)), args);
    }

    /**
     * The run "what changed" compares with: the latest completed run of the job dated before {@code runDate} (a
     * run dated before an existing one compares itself with an earlier night, never a later one), empty on a first
     * run. Among runs of one date, the last to start (a rerun) counts.
     */
    public Optional<RunRow> previousCompleted(String jobName, long runId, LocalDate runDate) {
        return history(jobName).stream()
                .filter(r -> r.runId() != runId && "COMPLETED".equals(r.status()) && r.runDate().isBefore(runDate))
                .max(java.util.Comparator.comparing(RunRow::runDate).thenComparing(RunRow::startedAt)
                        .thenComparingLong(RunRow::runId));
    }
}
