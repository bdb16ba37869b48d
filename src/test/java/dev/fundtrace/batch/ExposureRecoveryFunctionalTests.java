package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposures written on the background thread: a run that stopped before its exposure files were whole (here: they
 * are gone, as if the process had been killed while writing them; a file is renamed into place only when whole)
 * traces again when it resumes, writes them, and completes only with every exposure in its report.
 */
class ExposureRecoveryFunctionalTests {

    @TempDir
    Path work;

    private int fundtrace(String... args) {
        return new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString())
                .with("fundtrace.exposures.background-min", 0).execute(args);
    }

    @Test
    void aResumedRunWritesMissingExposuresAgain() throws Exception {
        Path reports = work.resolve("reports");
        // a file where the run's report folder should be: the report step fails (a report root that cannot be
        // written is refused before the run starts)
        Path runFolder = Files.createDirectories(reports.resolve("ira-nightly")).resolve("2026-11-28");
        Files.writeString(runFolder, "a file where the run's report folder should be: the report step fails");
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isEqualTo(1);

        Path exposures;
        try (var runs = Files.list(work.resolve("data/runs"))) {
            exposures = runs.findFirst().orElseThrow().resolve("exposures.json");
        }
        long expected = Files.readAllLines(Path.of("sample-data/expected/exposures.csv")).size() - 1
                + Files.readAllLines(Path.of("sample-data/expected/utxo-exposures.csv")).size() - 1;
        assertThat(JsonMapper.builder().build().readTree(exposures.toFile()).size()).isEqualTo((int) expected);
        Files.delete(exposures);
        Files.delete(exposures.resolveSibling("exposure-totals.json"));

        Files.delete(runFolder);
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isZero();
        assertThat(exposures).isRegularFile();
        var report = JsonMapper.builder().build().readTree(reports.resolve("ira-nightly/2026-11-28/report.json").toFile());
        assertThat(report.get("exposures").size()).isEqualTo((int) expected);
    }
}
