package dev.fundtrace.batch;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.results.Findings;
import dev.fundtrace.results.FindingsWriter;
import dev.fundtrace.review.Decision;
import dev.fundtrace.review.Review;
import dev.fundtrace.review.ReviewBook;
import dev.fundtrace.rules.FlagPart;
import dev.fundtrace.rules.Rule;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review covers its finding with the evidence of the latest completed run dated on or before it: while the flag's
 * evidence is no more than that, it is reviewed and not new; a transaction more makes the review outdated. That run's
 * evidence is in its trace's findings, or in its flag rows when an earlier version of fundtrace made it.
 */
class FlagReviewsTest {

    static final String ADDRESS = "0x88c80dfc61c1179bb08a46fce24fef40ac6ed4ec", SEED = "0x901bb9583b24d97e995513c6778dc6888ab6870e";
    static final String TX1 = "0x" + "1".repeat(64), TX2 = "0x" + "2".repeat(64), TX3 = "0x" + "3".repeat(64);

    @TempDir
    static Path dataDir;

    private final JdbcTemplate jdbc = database();
    private final RunDao runs = new RunDao(jdbc);
    private final TraceDao traces = new TraceDao(jdbc);
    private final RunFiles files = new RunFiles(dataDir.resolve("data" + System.nanoTime()).toString());
    private final FlagReviews reviews = new FlagReviews(runs, traces, new FlagDao(jdbc, new FactDao(jdbc)), files);

    private static JdbcTemplate database() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:reviews" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        return new JdbcTemplate(ds);
    }

    /** A completed night that traced and wrote its findings: the flag with {@code evidence}. */
    private void night(long id, String date, String... evidence) {
        runs.started(id, "ira-nightly", LocalDate.parse(date), false);
        traces.source(id, "inputs-" + id, id);
        try (FindingsWriter out = new FindingsWriter(files.findings(id))) {
            out.part(new FlagPart(Rule.DIRECT_COUNTERPARTY, "ethereum", "ETH", "ETH", 18, ADDRESS, SEED, 1, -1, null, null,
                    BigInteger.ONE, List.of(evidence), "x", null));
            out.finish();
        }
        runs.finished(id, "COMPLETED", null);
    }

    /** A completed night of an earlier version of fundtrace, which kept its flags as rows. */
    private void nightOfAnEarlierVersion(long id, String date, String... evidence) {
        runs.started(id, "ira-nightly", LocalDate.parse(date), false);
        jdbc.update("""
                INSERT INTO run_flag (run_id, flag_id, rule, severity, chain, asset, address, seed, hops, flow_ids,
                                      evidence, explanation, deposit_address, new_since_last, amount_raw)
                VALUES (?, 'G-1', 'DIRECT_COUNTERPARTY', 'HIGH', 'ethereum', 'ETH', ?, ?, 1, '', ?, 'x', NULL, FALSE, '1')""",
                id, ADDRESS, SEED, String.join(";", evidence));
        runs.finished(id, "COMPLETED", null);
    }

    private static RunReport.FlagRow tonight(boolean isNew, String... evidence) {
        return new RunReport.FlagRow("G-1", "DIRECT_COUNTERPARTY", "HIGH", ADDRESS, SEED, "ethereum", "ETH", "ETH", 1,
                List.of(), List.of(evidence), "x", null, "1", isNew);
    }

    private static ReviewBook reviewed(String date) {
        return new ReviewBook(List.of(new Review("DIRECT_COUNTERPARTY", "ethereum", null, ADDRESS, SEED, Decision.CLEARED,
                "A. Analyst", LocalDate.parse(date), "known wallet", "reviews.csv", 2)), LocalDate.parse("2026-11-28"));
    }

    @Test
    void aReviewThatSawEveryTransactionMarksTheFlagReviewedAndNotNew() {
        night(1, "2026-11-26", TX1);
        night(2, "2026-11-27", TX1, TX2);
        var marked = reviews.mark("ira-nightly", 3, List.of(tonight(true, TX1, TX2)), reviewed("2026-11-27"));
        RunReport.FlagRow f = marked.rows().getFirst();
        assertThat(f.newSinceLastRun()).isFalse();
        assertThat(f.review()).isEqualTo(new RunReport.Review("cleared", "A. Analyst", "2026-11-27", "known wallet",
                "reviews.csv:2", "2026-11-27", List.of(), true));
        assertThat(marked.reviewed()).isEqualTo(1);
        assertThat(marked.outdated()).isZero();
    }

    @Test
    void aTransactionTheReviewerCouldNotHaveSeenMakesTheReviewOutdated() {
        night(1, "2026-11-26", TX1);
        night(2, "2026-11-27", TX1, TX2);
        // reviewed on the 26th, from that night's report: TX2 and TX3 came later
        var marked = reviews.mark("ira-nightly", 3, List.of(tonight(true, TX1, TX2, TX3)), reviewed("2026-11-26"));
        RunReport.FlagRow f = marked.rows().getFirst();
        assertThat(f.review().current()).isFalse();
        assertThat(f.review().comparedWithRun()).isEqualTo("2026-11-26");
        assertThat(f.review().evidenceSinceReview()).containsExactly(TX2, TX3);
        assertThat(f.newSinceLastRun()).as("as if unreviewed").isTrue();
        assertThat(marked.outdated()).isEqualTo(1);
    }

    @Test
    void aReviewOfAFindingNoEarlierRunHadCoversItAsItIs() {
        var marked = reviews.mark("ira-nightly", 3, List.of(tonight(true, TX1)), reviewed("2026-11-20"));
        assertThat(marked.rows().getFirst().review().comparedWithRun()).isNull();
        assertThat(marked.rows().getFirst().newSinceLastRun()).isFalse();
    }

    @Test
    void aFlagWithoutReviewIsLeftAsItIsAndAReviewOfNoFlagIsCounted() {
        RunReport.FlagRow other = new RunReport.FlagRow("G-2", "MIXER", "HIGH", ADDRESS, SEED, "ethereum", "ETH", "ETH", 2,
                List.of(), List.of(TX1), "x", null, "1", true);
        var marked = reviews.mark("ira-nightly", 3, List.of(other), reviewed("2026-11-27"));
        assertThat(marked.rows()).containsExactly(other);
        assertThat(marked.unmatched()).isEqualTo(1);
    }

    @Test
    void theEvidenceOfARunOfAnEarlierVersionIsItsFlagRows() {
        nightOfAnEarlierVersion(1, "2026-11-26", TX1);
        night(2, "2026-11-27", TX1, TX2);
        var marked = reviews.mark("ira-nightly", 3, List.of(tonight(true, TX1, TX2)), reviewed("2026-11-26"));
        RunReport.FlagRow f = marked.rows().getFirst();
        assertThat(f.review().comparedWithRun()).isEqualTo("2026-11-26");
        assertThat(f.review().evidenceSinceReview()).containsExactly(TX2);
        assertThat(f.newSinceLastRun()).isTrue();
    }
}
