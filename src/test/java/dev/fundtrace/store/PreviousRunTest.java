package dev.fundtrace.store;

import dev.fundtrace.rules.Flag;
import dev.fundtrace.rules.FlagKey;
import dev.fundtrace.rules.Rule;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "New since last run" compares with the latest completed run of an earlier date (never a later one, never this
 * one), and a flag's stored identity is (rule, chain, asset, address, seed), as {@link Flag#key()} says.
 */
class PreviousRunTest {

    private final JdbcTemplate jdbc = database();
    private final RunDao runs = new RunDao(jdbc);

    private static JdbcTemplate database() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:previous" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        return new JdbcTemplate(ds);
    }

    private void run(long id, String date, String status) {
        runs.started(id, "ira-nightly", LocalDate.parse(date), false);
        runs.finished(id, status, null);
    }

    @Test
    void aFirstRunHasNoPreviousRun() {
        run(1, "2026-11-28", "STARTED");
        assertThat(runs.previousCompleted("ira-nightly", 1, LocalDate.parse("2026-11-28"))).isEmpty();
    }

    @Test
    void aRunDatedBeforeAnExistingOneComparesWithAnEarlierNightNotTheLaterOne() {
        run(1, "2026-11-26", "COMPLETED");
        run(2, "2026-11-28", "COMPLETED");
        run(3, "2026-11-27", "STARTED"); // a late catch-up of the 27th
        assertThat(runs.previousCompleted("ira-nightly", 3, LocalDate.parse("2026-11-27")))
                .hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo(1));
        // and the 28th compares with the 27th once that completed, though it ran later
        runs.finished(3, "COMPLETED", null);
        assertThat(runs.previousCompleted("ira-nightly", 2, LocalDate.parse("2026-11-28")))
                .hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo(3));
        // a rerun of the same date is not "the previous run"
        assertThat(runs.previousCompleted("ira-nightly", 4, LocalDate.parse("2026-11-26"))).isEmpty();
    }

    @Test
    void anEarlierVersionsFlagRowsGiveTheKeysAndKeyHashesTheFlagsHaveNow() {
        FlagDao legacy = new FlagDao(jdbc, new FactDao(jdbc));
        run(1, "2026-11-28", "COMPLETED");
        // a row as fundtrace wrote them before its flags went into files
        jdbc.update("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last, amount_raw)
                VALUES (1, 'G-1', 'DIRECT_COUNTERPARTY', 'HIGH', 'ethereum', 'ETH', '0xa', '0xs', 1, 'F-1', '0xt',
                        '0xa received 1 ETH.', NULL, TRUE, '1000')""");
        Flag f = new Flag("G-1", Rule.DIRECT_COUNTERPARTY, Rule.Severity.HIGH, "ethereum", "ETH", "0xa", "0xs", 1,
                List.of("F-1"), List.of("0xt"), "0xa received 1 ETH.", null, "1000", true);
        assertThat(legacy.keys(1)).containsExactly(f.key());
        assertThat(f.key()).isEqualTo("DIRECT_COUNTERPARTY|ethereum|ETH|0xa|0xs");
        assertThat(FlagKey.hash(legacy.keys(1).getFirst())).isEqualTo(f.keyHash());
        assertThat(legacy.of(1, java.util.Map.of())).singleElement().satisfies(r -> {
            assertThat(r.amountRaw()).isEqualTo("1000");
            assertThat(r.newSinceLastRun()).isTrue();
        });
    }

    @Test
    void aRunsFlagKeysGoInAndComeOutSorted() {
        FlagKeyDao keys = new FlagKeyDao(jdbc);
        assertThat(keys.of(5)).isEmpty();
        keys.put(5, new long[] {Long.MIN_VALUE, -1, 0, 7, Long.MAX_VALUE});
        keys.put(5, new long[] {-3, 2}); // a step run again replaces them
        assertThat(keys.of(5)).hasValueSatisfying(k -> assertThat(k).containsExactly(-3, 2));
        keys.put(6, new long[0]);
        assertThat(keys.of(6)).hasValueSatisfying(k -> assertThat(k).isEmpty());
    }
}
