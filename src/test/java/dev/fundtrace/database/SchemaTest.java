package dev.fundtrace.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database at the newest migration is not handed to Flyway, so what Flyway checked at every start is checked
 * here: {@link Schema#NEWEST_MIGRATION} is the newest file of db/migration, and an applied migration is never edited.
 */
class SchemaTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.(sql|java)");

    /** A migration once released is applied on databases in the field: Flyway refuses to start when it changes. */
    private static final Map<String, String> RELEASED = Map.of(
            "V1__baseline.sql", "9222ad39bc802599eed6c5f28b8dd563e4fe7282dd95e3167229e99c7e51bdae",
            "V2__rpc_checkpoint.sql", "75c84dbe0ef0a4a9847eea4ad148b17da8d938fdb4fd8faf24976eb15c78c633",
            "V3__Exposure_table.java", "54598dd702c906ac744e93cd2602aeeac46da8c7c99612c02bb26bec163114d0",
            "V4__rpc_token_metadata.sql", "7753d37747068160ce012542df7febdbaaa2f8a7dbad86f8c2a48cee0b53f464",
            "V5__utxo_chains.sql", "92f395b4b2f483d91716024ba9d0d1a49b122a33bb071886f030b3d3d0260bf6",
            "V6__flag_amount.sql", "6047d9f4e387afcd29557880381d8349bdefed526e7e34bca182c457b4b34096");

    private static Map<Integer, Path> migrations() throws IOException {
        Map<Integer, Path> byVersion = new TreeMap<>();
        for (Path dir : new Path[]{Path.of("src/main/resources/db/migration"), Path.of("src/main/java/db/migration")}) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    Matcher m = MIGRATION.matcher(f.getFileName().toString());
                    if (m.matches()) assertThat(byVersion.put(Integer.parseInt(m.group(1)), f)).as("one file per version").isNull();
                });
            }
        }
        return byVersion;
    }

    @Test
    void theNewestMigrationIsTheNewestFileOfDbMigration() throws IOException {
        var versions = migrations().keySet();
        assertThat(versions).isNotEmpty();
        assertThat(Schema.NEWEST_MIGRATION).isEqualTo(String.valueOf(versions.stream().mapToInt(v -> v).max().orElseThrow()));
    }

    @Test
    void aReleasedMigrationIsNeverEdited() throws Exception {
        for (Path file : migrations().values()) {
            String name = file.getFileName().toString();
            if (!RELEASED.containsKey(name)) continue; // a new migration, not yet released
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            assertThat(HexFormat.of().formatHex(digest)).as(name + ": write a new migration instead").isEqualTo(RELEASED.get(name));
        }
    }

    private static DriverManagerDataSource database() {
        return new DriverManagerDataSource("jdbc:h2:mem:schema" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    @Test
    void aNewDatabaseGetsSpringBatchsTablesAndEveryMigrationAndAnUpToDateOneIsLeftAsItIs() {
        var ds = database();
        assertThat(Schema.lastMigration(ds)).isNull();
        assertThat(Schema.batchTablesPresent(ds)).isFalse();
        Schema.update(ds);
        assertThat(Schema.batchTablesPresent(ds)).isTrue();
        var jdbc = new JdbcTemplate(ds);
        assertThat(Schema.lastMigration(ds)).isEqualTo(Schema.NEWEST_MIGRATION);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_instance", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trace_exposure", Integer.class)).isZero();
        int applied = jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Integer.class);
        Schema.update(ds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Integer.class)).isEqualTo(applied);
    }

    @Test
    void aDatabaseBehindTheNewestMigrationIsMigrated() {
        var ds = database();
        Flyway.configure().dataSource(ds).target("5").load().migrate();
        assertThat(Schema.lastMigration(ds)).isEqualTo("5");
        Schema.update(ds);
        assertThat(Schema.lastMigration(ds)).isEqualTo(Schema.NEWEST_MIGRATION);
    }

    @Test
    void aFailedMigrationIsNotTakenForUpToDate() {
        var ds = database();
        Schema.update(ds);
        new JdbcTemplate(ds).update("UPDATE flyway_schema_history SET success = FALSE WHERE version = ?", Schema.NEWEST_MIGRATION);
        assertThat(Schema.lastMigration(ds)).isNull();
    }
}
