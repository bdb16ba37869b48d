package dev.fundtrace.database;

import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The tables a command needs: Spring Batch's {@code BATCH_*} tables, created from Spring Batch's own script when
 * missing, and fundtrace's own, kept by Flyway ({@code db/migration}). A database of an earlier fundtrace has those
 * tables but no {@code flyway_schema_history}: it is baselined at 0, below V1, so every migration runs on it and
 * each keeps what it finds (IF NOT EXISTS; V3 moves only what is still to move). Version 1, Flyway's default, would
 * skip V1 on any non-empty database: on PostgreSQL the run lock's table is there first.
 */
public final class Schema {

    private Schema() {}

    /**
     * The newest migration of {@code db/migration} (SchemaTest holds it to the files there). A database whose last
     * applied migration is this one was brought up to date by an earlier start, Spring Batch's tables first, and is
     * left as it is: reading the migrations and Flyway's plug-ins cost more than the rest of Spring's start. Any
     * other state (a new database, an older or a newer one, a failed migration) goes through both.
     */
    static final String NEWEST_MIGRATION = "7";

    public static void update(DataSource dataSource) {
        if (NEWEST_MIGRATION.equals(lastMigration(dataSource))) return;
        if (!batchTablesPresent(dataSource)) createBatchTables(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("tables before Flyway, if any")
                .load()
                .migrate();
    }

    /** Whether the last object of Spring Batch's script, the job instance sequence, is in the current schema. */
    static boolean batchTablesPresent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("SELECT COUNT(*) FROM information_schema.sequences"
                + " WHERE LOWER(sequence_name) = 'batch_job_instance_seq' AND LOWER(sequence_schema) = LOWER(CURRENT_SCHEMA)");
             var r = s.executeQuery()) {
            return r.next() && r.getLong(1) > 0;
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot read the database's schema", e);
        }
    }

    /** Spring Batch's script; statements that meet what a start killed half-way created are skipped, as Spring Boot did. */
    private static void createBatchTables(DataSource dataSource) {
        String platform;
        try (Connection c = dataSource.getConnection()) {
            platform = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot open the database", e);
        }
        var script = new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
        script.setContinueOnError(true);
        script.execute(dataSource);
    }

    /** The version of the last migration applied, if it succeeded; null when there is none (or no history table). */
    static String lastMigration(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.setMaxRows(1);
            try (var r = s.executeQuery("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC")) {
                return r.next() && r.getBoolean(2) ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // no history yet: Flyway creates it
        }
    }
}
