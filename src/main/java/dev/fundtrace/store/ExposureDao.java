package dev.fundtrace.store;

import java.math.BigDecimal;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.Exposure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

/**
 * The exposures of the run that traced (table trace_exposure). A run's rows are one key range: exposure_key =
 * run id * 2^32 + the exposure's ordinal, so H2 keeps them in key order with no second index (migration V3).
 */
@Repository
public class ExposureDao {

    /** Rows per transaction of {@link #replace}. */
    static final int CHUNK = 20_000;

    private static final String RUN_EXPOSURES = "exposure_key BETWEEN ? AND ?";

    /** forward before backward, then asset, hops, address */
    private static final Comparator<RunReport.ExposureRow> ORDER = Comparator
            .comparing(RunReport.ExposureRow::direction, Comparator.reverseOrder())
            .thenComparing(RunReport.ExposureRow::asset).thenComparingInt(RunReport.ExposureRow::hops)
            .thenComparing(RunReport.ExposureRow::address);

    private final JdbcTemplate jdbc;

    public ExposureDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first key of run {@code runId}'s exposures: its rows are keys {@code [first, first + 2^32)}. */
    static long firstKey(long runId) {
        return runId << 32;
    }

    private static Object[] keysOf(long runId) {
        return new Object[]{firstKey(runId), firstKey(runId + 1) - 1};
    }

    public void replace(long runId, List<Exposure> exposures) {
        jdbc.update("DELETE FROM trace_exposure WHERE " + RUN_EXPOSURES, keysOf(runId));
        // one transaction per chunk of prepared-statement batches: H2 slows down with the size of an open
        // transaction (1.16M rows in one took half a minute). Measured on H2 2.4 with a cold JVM: 276k rows in
        // 3.4 s and 1.16M in 8.3 s, against 3.9 s and 12.7 s through a CSV file and CSVREAD.
        for (int from = 0; from < exposures.size(); from += CHUNK) {
            insert(runId, from, exposures.subList(from, Math.min(exposures.size(), from + CHUNK)));
        }
    }

    /** Inserts {@code exposures}, the run's exposures from ordinal {@code first} on, in one transaction. */
    private void insert(long runId, int first, List<Exposure> exposures) {
        jdbc.execute((Connection c) -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("""
                    INSERT INTO trace_exposure (exposure_key, run_id, direction, chain, asset, address, hops, tainted_raw,
                                                seed, label, category, evidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int n = 0;
                long key = firstKey(runId) + first;
                for (Exposure e : exposures) {
                    ps.setLong(1, key++);
                    ps.setLong(2, runId);
                    ps.setString(3, e.direction().id());
                    ps.setString(4, e.chain());
                    ps.setString(5, e.asset());
                    ps.setString(6, e.address());
                    ps.setInt(7, e.hops());
                    ps.setBigDecimal(8, new BigDecimal(e.taintedAmountRaw()));
                    ps.setString(9, e.seed());
                    ps.setString(10, e.label());
                    ps.setString(11, e.category());
                    ps.setString(12, e.evidence() == null ? null : String.join(" ", e.evidence()));
                    ps.addBatch();
                    if (++n % 1000 == 0) ps.executeBatch();
                }
                ps.executeBatch();
                if (auto) c.commit();
            } finally {
                if (auto) c.setAutoCommit(true);
            }
            return null;
        });
    }

    public long count(long runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM trace_exposure WHERE " + RUN_EXPOSURES, Long.class, keysOf(runId));
        return n == null ? 0 : n;
    }

    /**
     * The taint of trace {@code traceRun}'s exposures summed per seed, asset, direction, hop 1 or not, and kind of
     * address (page one of report.html), without reading the rows: exact NUMERIC sums in the database.
     *
     * @param designated the designated addresses (canonical form): exposures there are "sanctioned"
     */
    public List<RunReport.ExposureTotal> totals(long traceRun, java.util.Collection<String> designated) {
        List<Object> args = new java.util.ArrayList<>();
        String sanctioned = "FALSE";
        if (!designated.isEmpty()) {
            sanctioned = "address IN (" + String.join(", ", java.util.Collections.nCopies(designated.size(), "?")) + ")";
            args.addAll(designated);
        }
        args.addAll(List.of(keysOf(traceRun)));
        String kind = "CASE WHEN " + sanctioned + " THEN 'sanctioned' WHEN LOWER(category) IN ('exchange', 'mixer') "
                + "THEN LOWER(category) ELSE NULL END";
        return jdbc.query("SELECT chain, seed, asset, direction, first_hop, kind, SUM(tainted_raw) FROM"
                        + " (SELECT chain, seed, asset, direction, hops = 1 AS first_hop, " + kind + " AS kind, tainted_raw"
                        + " FROM trace_exposure WHERE seed IS NOT NULL AND tainted_raw > 0 AND " + RUN_EXPOSURES + ") e"
                        + " GROUP BY chain, seed, asset, direction, first_hop, kind",
                (rs, n) -> new RunReport.ExposureTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), Amounts.plain(rs.getBigDecimal(7))),
                args.toArray());
    }

    /** The exposures stored by run {@code traceRun}, the run that computed a trace (see {@link TraceDao#sourceOf}). */
    public List<RunReport.ExposureRow> ofTrace(long traceRun) {
        List<RunReport.ExposureRow> rows = jdbc.query("""
                SELECT direction, chain, asset, address, hops, tainted_raw, seed, label, category, evidence FROM trace_exposure
                WHERE\s""" + RUN_EXPOSURES,
                (rs, n) -> Amounts.exposureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), Amounts.plain(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10) == null ? null : List.of(rs.getString(10).split(" "))),
                keysOf(traceRun));
        // sorted here, not by the database: H2 sorts a million rows through temporary files
        rows.sort(ORDER);
        return rows;
    }
}
