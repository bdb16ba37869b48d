package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposures stored on the background thread: a run that stopped before they were all in the database stores
 * them again when it resumes, and completes only with every one of them.
 */
class ExposureRecoveryFunctionalTests {

    @TempDir
    Path work;

    private int fundtrace(String... args) {
        return new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString())
                .with("fundtrace.exposures.background-min", 0).execute(args);
    }

    @Test
    void aResumedRunStoresMissingExposuresAgain() throws Exception {
        Path reports = work.resolve("reports");
        // a file where the run's report folder should be: the report step fails (a report root that cannot be
        // written is refused before the run starts)
        Path runFolder = Files.createDirectories(reports.resolve("ira-nightly")).resolve("2026-11-28");
        Files.writeString(runFolder, "a file where the run's report folder should be: the report step fails");
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isEqualTo(1);

        long before;
        try (var c = CapturedRun.database(work.resolve("data")); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*) FROM trace_exposure");
            rs.next();
            before = rs.getLong(1);
            // as if the process had been killed while the background thread was still writing
            s.executeUpdate("DELETE FROM trace_exposure WHERE hops > 1");
        }
        assertThat(before).isEqualTo(Files.readAllLines(Path.of("sample-data/expected/exposures.csv")).size() - 1
                + Files.readAllLines(Path.of("sample-data/expected/utxo-exposures.csv")).size() - 1);

        Files.delete(runFolder);
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isZero();
        try (var c = CapturedRun.database(work.resolve("data")); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*) FROM trace_exposure");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(before);
        }
        assertThat(reports.resolve("ira-nightly/2026-11-28/report.json")).isRegularFile();
    }
}
