package dev.fundtrace.batch;

import dev.fundtrace.designation.Designation;
import dev.fundtrace.labels.Label;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.rules.Flag;
import dev.fundtrace.trace.Exposure;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run's state in the database, keyed by the Spring Batch job instance id. Every step deletes its own rows
 * for the run before writing them, so a resumed step never doubles anything.
 */
@Repository
public class RunRepository {

    private final JdbcTemplate jdbc;
    /** A transaction of its own beside the caller's (a step's): see {@link #replaceFlowsAndFlags}. */
    private final TransactionTemplate ownTransaction;

    public RunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- history

    public record RunRow(long runId, String jobName, LocalDate runDate, boolean rerun, String status, Instant startedAt,
                         Instant endedAt, String reportDir, Integer designations, Integer seeds, Long transfers,
                         Integer reached, Integer high, Integer medium, Integer low, String message) {}

    public void started(long runId, String job, LocalDate runDate, boolean rerun) {
        int n = jdbc.update("UPDATE run_history SET status = 'STARTED', message = NULL, ended_at = NULL WHERE run_id = ?", runId);
        if (n == 0) {
            jdbc.update("INSERT INTO run_history (run_id, job_name, run_date, rerun, status, started_at) VALUES (?, ?, ?, ?, 'STARTED', ?)",
                    runId, job, Date.valueOf(runDate), rerun, Timestamp.from(Instant.now()));
        }
    }

    public void finished(long runId, String status, String message) {
        jdbc.update("UPDATE run_history SET status = ?, ended_at = ?, message = ? WHERE run_id = ?",
                status, Timestamp.from(Instant.now()), message == null ? null : truncate(message, 2000), runId);
    }

    public void summary(long runId, String reportDir, int designations, int seeds, long transfers, int reached,
                        Map<String, Integer> flags) {
        jdbc.update("""
                UPDATE run_history SET report_dir = ?, designations = ?, seeds = ?, transfers = ?, reached = ?,
                       flags_high = ?, flags_medium = ?, flags_low = ? WHERE run_id = ?""",
                reportDir, designations, seeds, transfers, reached, flags.getOrDefault("HIGH", 0),
                flags.getOrDefault("MEDIUM", 0), flags.getOrDefault("LOW", 0), runId);
    }

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

    /** The latest completed run of the job other than this one (for "what changed"). */
    public Optional<RunRow> previousCompleted(String jobName, long runId) {
        return history(jobName).stream()
                .filter(r -> r.runId() != runId && "COMPLETED".equals(r.status()))
                .reduce((a, b) -> b);
    }

    // ---- designations, labels, rejections

    public void replaceDesignations(long runId, List<Designation> all, java.util.Set<Designation> seeds) {
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

    public record StoredDesignation(Designation designation, boolean seed) {}

    public List<StoredDesignation> designations(long runId) {
        return jdbc.query("SELECT subject, sdn_uid, programs, currency, chain, address, source_file, seed FROM run_designation WHERE run_id = ? ORDER BY subject, currency, address",
                (rs, n) -> new StoredDesignation(new Designation(rs.getString(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(";")),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), rs.getBoolean(8)), runId);
    }

    /** Lower-case addresses of the run's designations on a chain: the seeds, or the loaded ones not selected. */
    public List<String> designatedAddresses(long runId, String chain, boolean seeds) {
        return jdbc.queryForList("SELECT DISTINCT LOWER(address) FROM run_designation WHERE run_id = ? AND chain = ? AND seed = ?",
                String.class, runId, chain, seeds);
    }

    public List<String> labelledAddresses(long runId, String chain) {
        return jdbc.queryForList("SELECT DISTINCT LOWER(address) FROM run_label WHERE run_id = ? AND chain = ?",
                String.class, runId, chain);
    }

    public void replaceLabels(long runId, List<Label> labels) {
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

    public List<Label> labels(long runId) {
        return jdbc.query("SELECT address, chain, label, category, source FROM run_label WHERE run_id = ?",
                (rs, n) -> new Label(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), runId);
    }

    /** Replaces the run's refused records that came from the given stage's files. */
    public void replaceRejections(long runId, List<String> sources, List<Rejection> rejections) {
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

    public List<Rejection> rejections(long runId) {
        return jdbc.query("SELECT source, line, reason, record FROM run_rejection WHERE run_id = ? ORDER BY source, line",
                (rs, n) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), runId);
    }

    // ---- ledger membership

    public void useSegment(String jobName, String chain, String fingerprint) {
        jdbc.update("DELETE FROM job_segment WHERE job_name = ? AND chain = ? AND fingerprint = ?", jobName, chain, fingerprint);
        jdbc.update("INSERT INTO job_segment (job_name, chain, fingerprint) VALUES (?, ?, ?)", jobName, chain, fingerprint);
    }

    public List<String> segments(String jobName, String chain) {
        return jdbc.queryForList("SELECT fingerprint FROM job_segment WHERE job_name = ? AND chain = ? ORDER BY fingerprint",
                String.class, jobName, chain);
    }

    // ---- facts (small JSON values)

    public void fact(long runId, String name, String value) {
        jdbc.update("DELETE FROM run_fact WHERE run_id = ? AND fact_name = ?", runId, name);
        jdbc.update("INSERT INTO run_fact (run_id, fact_name, fact_value) VALUES (?, ?, ?)", runId, name, value);
    }

    public Optional<String> fact(long runId, String name) {
        return jdbc.queryForList("SELECT fact_value FROM run_fact WHERE run_id = ? AND fact_name = ?", String.class, runId, name)
                .stream().findFirst();
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
        fact(runId, LEDGER_WARNINGS + fingerprint, String.join("\n", warnings));
    }

    private static final String LEDGER_WARNINGS = "ledgerWarnings.";

    // ---- trace reuse: an unchanged night reads the trace of the run that computed it

    public void traceSource(long runId, String inputs, long sourceRunId) {
        jdbc.update("DELETE FROM run_trace WHERE run_id = ?", runId);
        jdbc.update("INSERT INTO run_trace (run_id, inputs, source_run_id) VALUES (?, ?, ?)", runId, inputs, sourceRunId);
    }

    /** The run whose trace a completed earlier run of this job computed from exactly these inputs, if any. */
    public Optional<Long> reusableTrace(String jobName, String inputs, long runId) {
        return jdbc.queryForList("""
                SELECT t.source_run_id FROM run_trace t JOIN run_history h ON h.run_id = t.run_id
                WHERE h.job_name = ? AND h.status = 'COMPLETED' AND t.inputs = ? AND t.run_id <> ?
                ORDER BY t.run_id DESC""", Long.class, jobName, inputs, runId).stream().findFirst();
    }

    /** The run whose exposures and flows this run reports (itself unless it reused a trace). */
    public long traceSourceOf(long runId) {
        return jdbc.queryForList("SELECT source_run_id FROM run_trace WHERE run_id = ?", Long.class, runId)
                .stream().findFirst().orElse(runId);
    }

    /**
     * Gives a run that reuses a trace the flags of the run that computed it, marking as new what the previous run
     * lacked. When the previous run had that very trace ({@code previousKeys} null) nothing is new, and the run
     * refers to those flags instead of copying them (ten thousand rows were half of an unchanged night's time).
     */
    public void reuseFlags(long runId, long sourceRunId, java.util.Set<String> previousKeys) {
        jdbc.update("DELETE FROM run_flag WHERE run_id = ?", runId);
        if (previousKeys == null) {
            fact(runId, FLAGS_OF, Long.toString(sourceRunId));
            return;
        }
        forgetFlagsOf(runId);
        jdbc.update("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last)
                SELECT ?, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids, evidence, explanation,
                       deposit_address, FALSE FROM run_flag WHERE run_id = ?""", runId, flagRunOf(sourceRunId));
        List<Object[]> fresh = new ArrayList<>();
        jdbc.query("SELECT flag_id, rule || '|' || chain || '|' || asset || '|' || address FROM run_flag WHERE run_id = ?",
                rs -> { if (!previousKeys.contains(rs.getString(2))) fresh.add(new Object[]{runId, rs.getString(1)}); }, runId);
        jdbc.batchUpdate("UPDATE run_flag SET new_since_last = TRUE WHERE run_id = ? AND flag_id = ?", fresh);
    }

    /** A run whose flags are another run's, none of them new (see {@link #reuseFlags}). */
    private static final String FLAGS_OF = "flagsOf";

    private void forgetFlagsOf(long runId) {
        jdbc.update("DELETE FROM run_fact WHERE run_id = ? AND fact_name = ?", runId, FLAGS_OF);
    }

    /** The run whose run_flag rows hold this run's flags: itself unless it refers to another's. */
    long flagRunOf(long runId) {
        return fact(runId, FLAGS_OF).map(Long::parseLong).orElse(runId);
    }

    // ---- exposures, flows, flags

    /** The first key of run {@code runId}'s exposures: its rows are keys {@code [first, first + 2^32)} (see schema.sql). */
    static long firstExposureKey(long runId) {
        return runId << 32;
    }

    private static final String RUN_EXPOSURES = "exposure_key BETWEEN ? AND ?";

    private static Object[] exposureKeys(long runId) {
        return new Object[]{firstExposureKey(runId), firstExposureKey(runId + 1) - 1};
    }

    public void replaceExposures(long runId, List<Exposure> exposures) {
        jdbc.update("DELETE FROM trace_exposure WHERE " + RUN_EXPOSURES, exposureKeys(runId));
        // one transaction per chunk of prepared-statement batches: H2 slows down with the size of an open
        // transaction (1.16M rows in one took half a minute). Measured on H2 2.4 with a cold JVM: 276k rows in
        // 3.4 s and 1.16M in 8.3 s, against 3.9 s and 12.7 s through a CSV file and CSVREAD.
        for (int from = 0; from < exposures.size(); from += EXPOSURE_CHUNK) {
            insertExposures(runId, from, exposures.subList(from, Math.min(exposures.size(), from + EXPOSURE_CHUNK)));
        }
    }

    static final int EXPOSURE_CHUNK = 20_000;

    /** Inserts {@code exposures}, the run's exposures from ordinal {@code first} on, in one transaction. */
    private void insertExposures(long runId, int first, List<Exposure> exposures) {
        jdbc.execute((java.sql.Connection c) -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("""
                    INSERT INTO trace_exposure (exposure_key, run_id, direction, chain, asset, address, hops, tainted_raw,
                                                seed, label, category)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int n = 0;
                long key = firstExposureKey(runId) + first;
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

    public long exposureCount(long runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM trace_exposure WHERE " + RUN_EXPOSURES, Long.class, exposureKeys(runId));
        return n == null ? 0 : n;
    }

    /** forward before backward, then asset, hops, address */
    static final java.util.Comparator<RunReport.ExposureRow> EXPOSURE_ORDER = java.util.Comparator
            .comparing(RunReport.ExposureRow::direction, java.util.Comparator.reverseOrder())
            .thenComparing(RunReport.ExposureRow::asset).thenComparingInt(RunReport.ExposureRow::hops)
            .thenComparing(RunReport.ExposureRow::address);

    public List<RunReport.ExposureRow> exposures(long runId) {
        long source = traceSourceOf(runId);
        List<RunReport.ExposureRow> rows = jdbc.query("""
                SELECT direction, chain, asset, address, hops, tainted_raw, seed, label, category FROM trace_exposure
                WHERE\s""" + RUN_EXPOSURES,
                (rs, n) -> new RunReport.ExposureRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), plain(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8), rs.getString(9)),
                exposureKeys(source));
        // sorted here, not by the database: H2 sorts a million rows through temporary files
        rows.sort(EXPOSURE_ORDER);
        return rows;
    }

    /**
     * Replaces the run's flows, their steps and its flags. Each table goes in by a transaction of its own, not the
     * flag step's: at ten thousand flags the step's commit of 34k rows took 0.4 to 1.5 s (H2 commits a large
     * transaction row by row, and the exposures were going in on the second thread meanwhile). A step that fails
     * after this replaces them again when it resumes; no completed run ever has a part of them.
     */
    public void replaceFlowsAndFlags(long runId, List<Flow> flows, List<Flag> flags) {
        ownTransaction.executeWithoutResult(t -> {
            forgetFlagsOf(runId);
            jdbc.update("DELETE FROM run_flow_step WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM run_flow WHERE run_id = ?", runId);
            jdbc.update("DELETE FROM run_flag WHERE run_id = ?", runId);
        });
        ownTransaction.executeWithoutResult(t -> insertFlows(runId, flows));
        ownTransaction.executeWithoutResult(t -> insertSteps(runId, flows));
        ownTransaction.executeWithoutResult(t -> insertFlags(runId, flags));
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
                        s.time() == null ? null : Timestamp.from(s.time())});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO run_flow_step (run_id, flow_id, step_no, tx_hash, block_number, tx_position, sub_position,
                                           from_address, to_address, amount_raw, taint_raw, block_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps);
    }

    private void insertFlags(long runId, List<Flag> flags) {
        jdbc.batchUpdate("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", flags, 500, (ps, g) -> {
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
            ps.setString(11, truncate(String.join(";", g.evidence()), 8000));
            ps.setString(12, truncate(g.explanation(), 2000));
            ps.setString(13, g.depositAddress());
            ps.setBoolean(14, g.newSinceLastRun());
        });
    }

    public List<String> flagKeys(long runId) {
        return jdbc.queryForList("SELECT rule || '|' || chain || '|' || asset || '|' || address FROM run_flag WHERE run_id = ?",
                String.class, flagRunOf(runId));
    }

    /** The flags of run {@code runId} as its report shows them, with the symbols of their assets. */
    public List<RunReport.FlagRow> flags(long runId, Map<String, String> symbols) {
        long from = flagRunOf(runId);
        return asReported(storedFlags(from), runId, from, symbols);
    }

    /**
     * The flag rows of {@code stored} (read by {@link #storedFlags} from run {@code flagRun}) as run {@code runId}'s
     * report shows them: none is new when they are another run's, and each names its asset's symbol.
     */
    static List<RunReport.FlagRow> asReported(List<RunReport.FlagRow> stored, long runId, long flagRun,
                                              Map<String, String> symbols) {
        List<RunReport.FlagRow> out = new ArrayList<>(stored.size());
        for (RunReport.FlagRow f : stored) {
            out.add(new RunReport.FlagRow(f.id(), f.rule(), f.severity(), f.address(), f.seed(), f.chain(), f.asset(),
                    symbols.getOrDefault(f.asset(), f.asset()), f.hops(), f.flowIds(), f.evidence(), f.explanation(),
                    f.depositAddress(), flagRun == runId && f.newSinceLastRun()));
        }
        return out;
    }

    /** The flag rows stored under run {@code flagRun}, as stored (the asset in place of its symbol), in report order. */
    List<RunReport.FlagRow> storedFlags(long flagRun) {
        return jdbc.query("""
                SELECT flag_id, rule, severity, address, seed, chain, asset, hops, flow_ids, evidence, explanation,
                       deposit_address, new_since_last FROM run_flag WHERE run_id = ?
                ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, rule, asset, address""",
                (rs, n) -> new RunReport.FlagRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(7),
                        rs.getInt(8), split(rs.getString(9)), split(rs.getString(10)), rs.getString(11), rs.getString(12),
                        rs.getBoolean(13)), flagRun);
    }

    /**
     * The flows stored by the run that computed a trace, without their paths ({@link #withPaths} adds them): most
     * reports need the paths of a few hundred flows at most, the rest come spliced from the trace's flows.json.
     */
    public List<RunReport.FlowRow> flowsOfTrace(long source) {
        return jdbc.query("""
                SELECT flow_id, direction, chain, asset, asset_symbol, decimals, seed, endpoint, label, category, hops, tainted_raw
                FROM run_flow WHERE run_id = ? ORDER BY direction DESC, asset, hops, endpoint""",
                (rs, n) -> {
                    String raw = plain(rs.getBigDecimal(12));
                    int decimals = rs.getInt(6);
                    return new RunReport.FlowRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), decimals, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getInt(11), raw, dev.fundtrace.report.CsvReportWriter.display(raw, decimals), List.of());
                }, source);
    }

    /** {@code flows} of the trace {@code source} with the paths of those named in {@code ids} (of all when null). */
    public List<RunReport.FlowRow> withPaths(long source, List<RunReport.FlowRow> flows, Set<String> ids) {
        Map<String, List<RunReport.StepRow>> paths = flowSteps(source, ids);
        List<RunReport.FlowRow> out = new ArrayList<>(flows.size());
        for (RunReport.FlowRow f : flows) {
            var path = paths.get(f.id());
            out.add(path == null ? f : f.withPath(path));
        }
        return out;
    }

    private Map<String, List<RunReport.StepRow>> flowSteps(long source, Set<String> ids) {
        Map<String, List<RunReport.StepRow>> steps = new java.util.HashMap<>();
        if (ids != null && ids.isEmpty()) return steps;
        String columns = """
                SELECT flow_id, tx_hash, block_number, tx_position, sub_position, from_address, to_address, amount_raw, block_time
                FROM run_flow_step WHERE run_id = ?""";
        RowCallbackHandler add = rs -> {
            Timestamp t = rs.getTimestamp(9);
            steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RunReport.StepRow(rs.getString(2),
                    rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                    rs.getBigDecimal(8).toBigInteger().toString(), t == null ? null : t.toInstant().toString()));
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
            jdbc.query(columns + " AND flow_id IN (" + String.join(",", java.util.Collections.nCopies(part.size(), "?"))
                    + ") ORDER BY flow_id, step_no", add, args.toArray());
        }
        return steps;
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }

    /**
     * A stored raw amount as the reports write it: an integer string, "5000000000000000000" (the column's scale
     * adds zeros, which are dropped). A fraction, from a run made before taint was exact, is kept as stored,
     * trailing zeros trimmed.
     */
    static String plain(BigDecimal v) {
        // on the text, not with BigDecimal arithmetic: this runs for every exposure of a large trace
        String p = v.toPlainString();
        int dot = p.indexOf('.');
        if (dot < 0) return p;
        int end = p.length();
        while (p.charAt(end - 1) == '0') end--;
        return p.substring(0, p.charAt(end - 1) == '.' ? end - 1 : end);
    }

    /** A raw amount as the reports write it: an integer string. */
    static String plain(BigInteger v) {
        return v.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
