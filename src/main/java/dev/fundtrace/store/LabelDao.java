package dev.fundtrace.store;

import dev.fundtrace.labels.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The address labels (exchanges, mixers, …) a run loaded (table run_label). */
@Repository
public class LabelDao {

    private final JdbcTemplate jdbc;

    public LabelDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<Label> labels) {
        jdbc.update("DELETE FROM run_label WHERE run_id = ?", runId);
        jdbc.batchUpdate("INSERT INTO run_label (run_id, address, chain, label, category, source) VALUES (?, ?, ?, ?, ?, ?)",
                labels, 500, (ps, l) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, l.address());
                    ps.setString(3, l.chain());
                    ps.setString(4, l.label());
                    ps.setString(5, l.category());
                    ps.setString(6, l.source());
                });
    }

    public List<Label> of(long runId) {
        return jdbc.query("SELECT address, chain, label, category, source FROM run_label WHERE run_id = ?",
                (rs, n) -> new Label(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), runId);
    }

    /** Canonical addresses the run has a label for on a chain (stored canonical: see LabelFileReader). */
    public List<String> addresses(long runId, String chain) {
        return jdbc.queryForList("SELECT DISTINCT address FROM run_label WHERE run_id = ? AND chain = ?",
                String.class, runId, chain);
    }
}
