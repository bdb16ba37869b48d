package dev.fundtrace.store;

import dev.fundtrace.rejects.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The input records a run refused, by source file and line (table run_rejection; a ledger's are the store's). */
@Repository
public class RejectionDao {

    private final JdbcTemplate jdbc;

    public RejectionDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's refused records that came from the given stage's files (other stages' stay). */
    public void replace(long runId, List<String> sources, List<Rejection> rejections) {
        for (String s : sources) jdbc.update("DELETE FROM run_rejection WHERE run_id = ? AND source = ?", runId, s);
        jdbc.batchUpdate("INSERT INTO run_rejection (run_id, source, line, reason, record) VALUES (?, ?, ?, ?, ?)",
                rejections, 500, (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, r.source());
                    ps.setLong(3, r.line());
                    ps.setString(4, r.reason());
                    ps.setString(5, r.record());
                });
    }

    public List<Rejection> of(long runId) {
        return jdbc.query("SELECT source, line, reason, record FROM run_rejection WHERE run_id = ? ORDER BY source, line",
                (rs, n) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), runId);
    }
}
