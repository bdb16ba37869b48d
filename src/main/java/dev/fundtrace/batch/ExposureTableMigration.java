package dev.fundtrace.batch;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * Moves the exposures of a database written before trace_exposure (table run_exposure, no key) into trace_exposure,
 * keyed as schema.sql says, and drops the old table: one transaction, at start, once. Runs after schema.sql
 * (Spring Boot initialises the schema before any bean that uses the JdbcTemplate).
 */
@Component
class ExposureTableMigration implements InitializingBean {

    static final String OLD_TABLE = "run_exposure";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ExposureTableMigration(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        if (!oldTableExists()) return;
        Integer moved = transaction.execute(status -> {
            // each run's rows numbered from 0 in a fixed order: the key is the run id * 2^32 + that number
            int n = jdbc.update("""
                    INSERT INTO trace_exposure (exposure_key, run_id, direction, chain, asset, address, hops, tainted_raw,
                                                seed, label, category)
                    SELECT run_id * 4294967296 + ROW_NUMBER() OVER (PARTITION BY run_id
                               ORDER BY direction DESC, asset, hops, address, seed) - 1,
                           run_id, direction, chain, asset, address, hops, tainted_raw, seed, label, category
                    FROM run_exposure""");
            jdbc.execute("DROP TABLE " + OLD_TABLE);
            return n;
        });
        System.err.println("fundtrace: moved " + moved + " exposures from table " + OLD_TABLE + " to trace_exposure");
    }

    private boolean oldTableExists() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> {
            DatabaseMetaData meta = c.getMetaData();
            // H2 (DATABASE_TO_LOWER) and PostgreSQL both keep unquoted names in lower case
            try (ResultSet rs = meta.getTables(null, null, OLD_TABLE, new String[]{"TABLE", "BASE TABLE"})) {
                return rs.next();
            }
        }));
    }
}
