package dev.fundtrace.store;

import dev.fundtrace.designation.Designation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The designations a run loaded, each marked whether it seeds the trace (table run_designation). */
@Repository
public class DesignationDao {

    public record StoredDesignation(Designation designation, boolean seed) {}

    private final JdbcTemplate jdbc;

    public DesignationDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<Designation> all, Set<Designation> seeds) {
        jdbc.update("DELETE FROM run_designation WHERE run_id = ?", runId);
        jdbc.batchUpdate("""
                INSERT INTO run_designation (run_id, subject, sdn_uid, programs, currency, chain, address, source_file, seed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", all, 500, (ps, d) -> {
            ps.setLong(1, runId);
            ps.setString(2, d.subject());
            ps.setString(3, d.sdnUid());
            ps.setString(4, String.join(";", d.programs()));
            ps.setString(5, d.currency());
            ps.setString(6, d.chain());
            ps.setString(7, d.address());
            ps.setString(8, d.sourceFile());
            ps.setBoolean(9, seeds.contains(d));
        });
    }

    public List<StoredDesignation> of(long runId) {
        return jdbc.query("SELECT subject, sdn_uid, programs, currency, chain, address, source_file, seed FROM run_designation WHERE run_id = ? ORDER BY subject, currency, address",
                (rs, n) -> new StoredDesignation(new Designation(rs.getString(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(";")),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), rs.getBoolean(8)), runId);
    }

    /**
     * Canonical addresses of the run's designations on a chain: the seeds, or the loaded ones not selected. They are
     * stored canonical (Ethereum lower-case; Base58 keeps its case, which is part of the address).
     */
    public List<String> addresses(long runId, String chain, boolean seeds) {
        return jdbc.queryForList("SELECT DISTINCT address FROM run_designation WHERE run_id = ? AND chain = ? AND seed = ?",
                String.class, runId, chain, seeds);
    }
}
