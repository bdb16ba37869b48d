package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed between Spring Batch's two commits at start (job instance, then its first execution) leaves an
 * instance without executions; H2 writing commits to disk up to half a second late makes that window real. The
 * same command must then run the job instead of failing with "Cannot find any job execution".
 */
class InterruptedStartFunctionalTests {

    @TempDir
    Path work;

    @Test
    void anInstanceWithoutExecutionsIsStartedAgain() throws Exception {
        String[] command = {"run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + work.resolve("reports")};
        FundtraceCommandLine cli = new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString());
        assertThat(cli.execute(command)).isZero();

        try (var c = CapturedRun.database(work.resolve("data")); var s = c.createStatement()) {
            // what a kill right after the instance's commit leaves: the instance, nothing else
            for (String table : new String[]{"batch_step_execution_context", "batch_step_execution", "batch_job_execution_context",
                    "batch_job_execution_params", "batch_job_execution"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            var rs = s.executeQuery("SELECT COUNT(*) FROM batch_job_instance");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }

        CapturedRun again = CapturedRun.of(() -> cli.execute(command));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("left no execution; starting it again").contains("[report] COMPLETED");
        assertThat(work.resolve("reports/ira-nightly/2026-11-28/report.json")).isRegularFile();
    }
}
