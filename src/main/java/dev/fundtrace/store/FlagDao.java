package dev.fundtrace.store;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.rules.Flag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's flags (table run_flag), or a reference to another run's: a run that reuses the trace of the previous
 * run, which had these very flags, refers to them (fact {@code flagsOf}) instead of copying them (ten thousand rows
 * were half of an unchanged night's time). Every reader here goes through that reference.
 */
@Repository
public class FlagDao {

    /** A run whose flags are another run's, none of them new (see {@link #reuse}). */
    private static final String FLAGS_OF = "flagsOf";

    private final JdbcTemplate jdbc;
    private final FactDao facts;
    private final TransactionTemplate ownTransaction;

    public FlagDao(JdbcTemplate jdbc, FactDao facts) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.ownTransaction = OwnTransaction.of(jdbc);
    }

    /** Replaces the run's flags by transactions of their own, as {@link FlowDao#replace} does its flows, and why. */
    public void replace(long runId, List<Flag> flags) {
        ownTransaction.executeWithoutResult(t -> {
            facts.forget(runId, FLAGS_OF);
            jdbc.update("DELETE FROM run_flag WHERE run_id = ?", runId);
        });
        ownTransaction.executeWithoutResult(t -> insert(runId, flags));
    }

    private void insert(long runId, List<Flag> flags) {
        jdbc.batchUpdate("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last, amount_raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", flags, 500, (ps, g) -> {
            ps.setLong(1, runId);
            ps.setString(2, g.id());
            ps.setString(3, g.rule().name());
            ps.setString(4, g.severity().name());
            ps.setString(5, g.chain());
            ps.setString(6, g.asset());
            ps.setString(7, g.address());
            ps.setString(8, g.seed());
            ps.setInt(9, g.hops());
            ps.setString(10, String.join(";", g.flowIds()));
            ps.setString(11, Columns.truncate(String.join(";", g.evidence()), 8000));
            ps.setString(12, Columns.truncate(g.explanation(), 2000));
            ps.setString(13, g.depositAddress());
            ps.setBoolean(14, g.newSinceLastRun());
            ps.setString(15, g.amountRaw());
        });
    }

    /**
     * Gives a run that reuses a trace the flags of the run that computed it, marking as new what the previous run
     * lacked. When the previous run had that very trace ({@code previousKeys} null) nothing is new, and the run
     * refers to those flags instead of copying them.
     */
    public void reuse(long runId, long sourceRunId, Set<String> previousKeys) {
        jdbc.update("DELETE FROM run_flag WHERE run_id = ?", runId);
        if (previousKeys == null) {
            facts.put(runId, FLAGS_OF, Long.toString(sourceRunId));
            return;
        }
        facts.forget(runId, FLAGS_OF);
        jdbc.update("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last, amount_raw)
                SELECT ?, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids, evidence, explanation,
                       deposit_address, FALSE, amount_raw FROM run_flag WHERE run_id = ?""", runId, flagRunOf(sourceRunId));
        List<Object[]> fresh = new ArrayList<>();
        jdbc.query("SELECT flag_id, " + KEY + " FROM run_flag WHERE run_id = ?",
                rs -> { if (!previousKeys.contains(rs.getString(2))) fresh.add(new Object[]{runId, rs.getString(1)}); }, runId);
        jdbc.batchUpdate("UPDATE run_flag SET new_since_last = TRUE WHERE run_id = ? AND flag_id = ?", fresh);
    }

    /** The run whose run_flag rows hold this run's flags: itself unless it refers to another's. */
    public long flagRunOf(long runId) {
        return facts.get(runId, FLAGS_OF).map(Long::parseLong).orElse(runId);
    }

    /** {@link Flag#key()} in SQL: rule|chain|asset|address|seed. */
    private static final String KEY = "rule || '|' || chain || '|' || asset || '|' || address || '|' || COALESCE(seed, '')";

    /** {@link Flag#key()} of each of the run's flags: what "new since the last run" compares. */
    public List<String> keys(long runId) {
        return jdbc.queryForList("SELECT " + KEY + " FROM run_flag WHERE run_id = ?",
                String.class, flagRunOf(runId));
    }

    /** The evidence of each of the run's flags, by {@link Flag#key()}: what a reviewer of that run's report saw. */
    public Map<String, List<String>> evidenceByKey(long runId) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        jdbc.query("SELECT " + KEY + ", evidence FROM run_flag WHERE run_id = ?",
                rs -> { out.put(rs.getString(1), Columns.split(rs.getString(2))); }, flagRunOf(runId));
        return out;
    }

    /** The flags of run {@code runId} as its report shows them, with the symbols of their assets. */
    public List<RunReport.FlagRow> of(long runId, Map<String, String> symbols) {
        long from = flagRunOf(runId);
        return asReported(stored(from), runId, from, symbols);
    }

    /**
     * The flag rows of {@code stored} (read by {@link #stored} from run {@code flagRun}) as run {@code runId}'s
     * report shows them: none is new when they are another run's, and each names its asset's symbol.
     */
    public static List<RunReport.FlagRow> asReported(List<RunReport.FlagRow> stored, long runId, long flagRun,
                                                     Map<String, String> symbols) {
        List<RunReport.FlagRow> out = new ArrayList<>(stored.size());
        for (RunReport.FlagRow f : stored) {
            out.add(new RunReport.FlagRow(f.id(), f.rule(), f.severity(), f.address(), f.seed(), f.chain(), f.asset(),
                    symbols.getOrDefault(f.asset(), f.asset()), f.hops(), f.flowIds(), f.evidence(), f.explanation(),
                    f.depositAddress(), f.amountRaw(), flagRun == runId && f.newSinceLastRun()));
        }
        return out;
    }

    /** The flag rows stored under run {@code flagRun}, as stored (the asset in place of its symbol), in report order. */
    public List<RunReport.FlagRow> stored(long flagRun) {
        return jdbc.query("""
                SELECT flag_id, rule, severity, address, seed, chain, asset, hops, flow_ids, evidence, explanation,
                       deposit_address, amount_raw, new_since_last FROM run_flag WHERE run_id = ?
                ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, rule, asset, address, seed""",
                (rs, n) -> new RunReport.FlagRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(7),
                        rs.getInt(8), Columns.split(rs.getString(9)), Columns.split(rs.getString(10)), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getBoolean(14)), flagRun);
    }
}
