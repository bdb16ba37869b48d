package dev.fundtrace.store;

import dev.fundtrace.report.CsvReportWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The flows a trace's flags rest on, each with its path of transfers (tables run_flow and run_flow_step). */
@Repository
public class FlowDao {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public FlowDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(jdbc);
    }

    /**
     * Replaces the run's flows and their steps, each table by a transaction of its own, not the flag step's: at ten
     * thousand flags the step's commit of 34k rows took 0.4 to 1.5 s (H2 commits a large transaction row by row, and
     * the exposures were going in on the second thread meanwhile). A step that fails after this replaces them again
     * when it resumes; no completed run ever has a part of them.
     */
    public void replace(long runId, List<Flow> flows) {
        ownTransaction.executeWithoutResult(t -> {
            jdbc.update("DELETE FROM run_flow_step WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM run_flow WHERE run_id = ?", runId);
        });
        ownTransaction.executeWithoutResult(t -> insertFlows(runId, flows));
        ownTransaction.executeWithoutResult(t -> insertSteps(runId, flows));
    }

    private void insertFlows(long runId, List<Flow> flows) {
        jdbc.batchUpdate("""
                INSERT INTO run_flow (run_id, flow_id, direction, chain, asset, asset_symbol, decimals, seed, endpoint,
                                      label, category, hops, tainted_raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                flows, 500, (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, f.id());
                    ps.setString(3, f.direction().id());
                    ps.setString(4, f.chain());
                    ps.setString(5, f.asset());
                    ps.setString(6, f.assetSymbol());
                    ps.setInt(7, f.decimals());
                    ps.setString(8, f.seed());
                    ps.setString(9, f.endpoint());
                    ps.setString(10, f.endpointLabel());
                    ps.setString(11, f.endpointCategory());
                    ps.setInt(12, f.hops());
                    ps.setBigDecimal(13, new BigDecimal(f.taintedAmountRaw()));
                });
    }

    private void insertSteps(long runId, List<Flow> flows) {
        List<Object[]> steps = new ArrayList<>();
        for (Flow f : flows) {
            int i = 0;
            for (FlowStep s : f.path()) {
                steps.add(new Object[]{runId, f.id(), i++, s.txHash(), s.blockNumber(), s.position(), s.subPosition(),
                        s.from(), s.to(), new BigDecimal(s.amountRaw()),
                        s.taintCarriedRaw() == null ? null : new BigDecimal(s.taintCarriedRaw()),
                        s.time() == null ? null : Timestamp.from(s.time()), s.spent(), s.outpoint()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO run_flow_step (run_id, flow_id, step_no, tx_hash, block_number, tx_position, sub_position,
                                           from_address, to_address, amount_raw, taint_raw, block_time, spent, outpoint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps);
    }

    /**
     * The flows stored by the run that computed a trace, without their paths ({@link #withPaths} adds them): most
     * reports need the paths of a few hundred flows at most, the rest come spliced from the trace's flows.json.
     */
    public List<RunReport.FlowRow> ofTrace(long source) {
        return jdbc.query("""
                SELECT flow_id, direction, chain, asset, asset_symbol, decimals, seed, endpoint, label, category, hops, tainted_raw
                FROM run_flow WHERE run_id = ? ORDER BY direction DESC, asset, hops, endpoint""",
                (rs, n) -> {
                    String raw = Amounts.plain(rs.getBigDecimal(12));
                    int decimals = rs.getInt(6);
                    return new RunReport.FlowRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), decimals, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getInt(11), raw, CsvReportWriter.display(raw, decimals), List.of());
                }, source);
    }

    /** {@code flows} of the trace {@code source} with the paths of those named in {@code ids} (of all when null). */
    public List<RunReport.FlowRow> withPaths(long source, List<RunReport.FlowRow> flows, Set<String> ids) {
        Map<String, List<RunReport.StepRow>> paths = steps(source, ids);
        List<RunReport.FlowRow> out = new ArrayList<>(flows.size());
        for (RunReport.FlowRow f : flows) {
            var path = paths.get(f.id());
            out.add(path == null ? f : f.withPath(path));
        }
        return out;
    }

    private Map<String, List<RunReport.StepRow>> steps(long source, Set<String> ids) {
        Map<String, List<RunReport.StepRow>> steps = new HashMap<>();
        if (ids != null && ids.isEmpty()) return steps;
        String columns = """
                SELECT flow_id, tx_hash, block_number, tx_position, sub_position, from_address, to_address, amount_raw, block_time,
                       spent, outpoint, taint_raw
                FROM run_flow_step WHERE run_id = ?""";
        RowCallbackHandler add = rs -> {
            Timestamp t = rs.getTimestamp(9);
            steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RunReport.StepRow(rs.getString(2),
                    rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                    rs.getBigDecimal(8).toBigInteger().toString(), t == null ? null : t.toInstant().toString(),
                    rs.getString(10), rs.getString(11),
                    // a coin step states its coin's taint; an account step keeps the shape it always had
                    rs.getString(11) == null || rs.getBigDecimal(12) == null ? null : rs.getBigDecimal(12).toBigInteger().toString()));
        };
        if (ids == null) {
            jdbc.query(columns + " ORDER BY flow_id, step_no", add, source);
            return steps;
        }
        // a few hundred flows: by the (flow_id, run_id) index, in bounded IN lists
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> args = new ArrayList<>(part.size() + 1);
            args.add(source);
            args.addAll(part);
            jdbc.query(columns + " AND flow_id IN (" + String.join(",", Collections.nCopies(part.size(), "?"))
                    + ") ORDER BY flow_id, step_no", add, args.toArray());
        }
        return steps;
    }
}
