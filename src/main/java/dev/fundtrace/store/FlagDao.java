package dev.fundtrace.store;

import dev.fundtrace.report.RunReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flags of runs made by earlier versions of fundtrace (table run_flag), or a reference to another run's (fact
 * {@code flagsOf}): a night after an upgrade compares itself with them. Runs since keep their flags in files and
 * their key hashes in {@link FlagKeyDao}; nothing here writes.
 */
@Repository
public class FlagDao {

    /** A run whose flags are another run's, none of them new. */
    private static final String FLAGS_OF = "flagsOf";

    private final JdbcTemplate jdbc;
    private final FactDao facts;

    public FlagDao(JdbcTemplate jdbc, FactDao facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** The run whose run_flag rows hold this run's flags: itself unless it refers to another's. */
    public long flagRunOf(long runId) {
        return facts.get(runId, FLAGS_OF).map(Long::parseLong).orElse(runId);
    }

    /** {@link dev.fundtrace.rules.Flag#key()} in SQL: rule|chain|asset|address|seed. */
    private static final String KEY = "rule || '|' || chain || '|' || asset || '|' || address || '|' || COALESCE(seed, '')";

    /** {@link dev.fundtrace.rules.Flag#key()} of each of the run's flags: what "new since the last run" compares. */
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
