package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before trace_exposure (its exposures in run_exposure) is moved over when fundtrace starts on
 * it: every row kept, keyed per run, the old table gone. PostgreSQL runs the same check (PostgresJobFunctionalTests).
 */
class ExposureTableMigrationFunctionalTests {

    @TempDir
    Path work;

    @Test
    void exposuresOfTheEarlierTableAreKeptUnderTheirRunsKeys() throws Exception {
        Path data = work.resolve("data");
        try (Connection c = CapturedRun.database(data)) {
            createEarlierTable(c);
        }
        CapturedRun history = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", data.toString())
                .execute("history"));
        assertThat(history.exit()).isZero();
        assertThat(history.err()).contains("moved 5 exposures from table run_exposure to trace_exposure");
        try (Connection c = CapturedRun.database(data)) {
            assertMovedOver(c);
        }
        // once moved, a second start has nothing to do
        CapturedRun again = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", data.toString())
                .execute("history"));
        assertThat(again.exit()).isZero();
        assertThat(again.err()).doesNotContain("moved");
    }

    /** The table as fundtrace created it until trace_exposure, with two runs' rows. */
    static void createEarlierTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE run_exposure (run_id BIGINT NOT NULL, direction VARCHAR(8) NOT NULL, chain VARCHAR(32) NOT NULL,
                        asset VARCHAR(42) NOT NULL, address VARCHAR(42) NOT NULL, hops INT NOT NULL,
                        tainted_raw NUMERIC(96,18) NOT NULL, seed VARCHAR(42) NOT NULL, label VARCHAR(500), category VARCHAR(32))""");
            s.execute("CREATE INDEX run_exposure_run ON run_exposure (run_id)");
            s.execute("""
                    INSERT INTO run_exposure VALUES
                    (7, 'forward', 'ethereum', 'ETH', '0xb', 2, 2.5, '0xs', NULL, NULL),
                    (7, 'forward', 'ethereum', 'ETH', '0xa', 1, 115792089237316195423570985008687907853269984665640564039457584007913129639935, '0xs', 'Binance 14', 'exchange'),
                    (7, 'backward', 'ethereum', 'ETH', '0xc', 1, 3, '0xs', NULL, NULL),
                    (9, 'forward', 'ethereum', '0xdac17f958d2ee523a2206206994597c13d831ec7', '0xa', 1, 10, '0xs', NULL, NULL),
                    (9, 'forward', 'ethereum', 'ETH', '0xa', 1, 11, '0xs', NULL, NULL)""");
        }
    }

    static void assertMovedOver(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("""
                SELECT exposure_key, run_id, direction, asset, address, hops, tainted_raw, label, category
                FROM trace_exposure ORDER BY exposure_key""")) {
            while (rs.next()) {
                long key = rs.getLong(1);
                rows.add((key >>> 32) + "+" + (key & 0xffffffffL) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5) + " " + rs.getInt(6) + " "
                        + rs.getBigDecimal(7).stripTrailingZeros().toPlainString() + " " + rs.getString(8) + " " + rs.getString(9));
            }
        }
        // within a run, in report order: forward first, then asset, hops, address
        assertThat(rows).containsExactly(
                "7+0 7 forward ETH 0xa 1 115792089237316195423570985008687907853269984665640564039457584007913129639935 Binance 14 exchange",
                "7+1 7 forward ETH 0xb 2 2.5 null null",
                "7+2 7 backward ETH 0xc 1 3 null null",
                "9+0 9 forward 0xdac17f958d2ee523a2206206994597c13d831ec7 0xa 1 10 null null",
                "9+1 9 forward ETH 0xa 1 11 null null");
        try (var rs = c.getMetaData().getTables(null, null, "run_exposure", null)) {
            assertThat(rs.next()).as("the earlier table is dropped").isFalse();
        }
    }
}
