package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * V3: the exposures move from run_exposure (V1: no key, an index on run_id) to trace_exposure. A run's rows are one
 * key range there: exposure_key = run_id * 2^32 + the exposure's ordinal. With that single BIGINT as primary key H2
 * stores the rows in key order and needs no second index (run_exposure took 25-35% longer for 276k inserts, the
 * longest write of a large first night).
 * <p>
 * Java, not SQL, because what there is to move depends on the database: one created by fundtrace before this move
 * has run_exposure with rows; one created after it (baselined at 0, see V1) has trace_exposure already and only the
 * empty run_exposure V1 just made. The statement that reports the move is the one the earlier start-up move printed.
 */
public class V3__Exposure_table extends BaseJavaMigration {

    static final String OLD_TABLE = "run_exposure";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS trace_exposure (
                        exposure_key BIGINT        NOT NULL PRIMARY KEY,
                        run_id       BIGINT        NOT NULL,
                        direction    VARCHAR(8)    NOT NULL,
                        chain        VARCHAR(32)   NOT NULL,
                        asset        VARCHAR(42)   NOT NULL,
                        address      VARCHAR(42)   NOT NULL,
                        hops         INT           NOT NULL,
                        tainted_raw  NUMERIC(96,18) NOT NULL,
                        seed         VARCHAR(42)   NOT NULL,
                        label        VARCHAR(500),
                        category     VARCHAR(32)
                    )""");
            // absent only when a start was killed after the drop and before Flyway recorded V3 (H2 commits DDL
            // at once): the move is done then
            if (!tableExists(c, OLD_TABLE)) return;
            forgetPartialCopy(c);
            // each run's rows numbered from 0 in report order (forward first, then asset, hops, address)
            int moved = s.executeUpdate("""
                    INSERT INTO trace_exposure (exposure_key, run_id, direction, chain, asset, address, hops, tainted_raw,
                                                seed, label, category)
                    SELECT run_id * 4294967296 + ROW_NUMBER() OVER (PARTITION BY run_id
                               ORDER BY direction DESC, asset, hops, address, seed) - 1,
                           run_id, direction, chain, asset, address, hops, tainted_raw, seed, label, category
                    FROM run_exposure""");
            s.execute("DROP TABLE " + OLD_TABLE);
            // a new database has nothing to move: only an earlier one's move is worth a line
            if (moved > 0) {
                System.err.println("fundtrace: moved " + moved + " exposures from table " + OLD_TABLE + " to trace_exposure");
            }
        }
    }

    /**
     * A start killed between the insert and the drop (H2 commits at each DDL statement) left a copy of the runs
     * still in run_exposure: taken out by key range (trace_exposure has no run_id index), then the move is redone.
     */
    private static void forgetPartialCopy(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var delete = c.prepareStatement(
                "DELETE FROM trace_exposure WHERE exposure_key BETWEEN ? AND ?");
             ResultSet runs = s.executeQuery("SELECT DISTINCT run_id FROM " + OLD_TABLE)) {
            while (runs.next()) {
                long run = runs.getLong(1);
                delete.setLong(1, run << 32);
                delete.setLong(2, ((run + 1) << 32) - 1);
                delete.executeUpdate();
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        // H2 (DATABASE_TO_LOWER) and PostgreSQL both keep unquoted names in lower case
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), table, new String[]{"TABLE", "BASE TABLE"})) {
            return rs.next();
        }
    }
}
