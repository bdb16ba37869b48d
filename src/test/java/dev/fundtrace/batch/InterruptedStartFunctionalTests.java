package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.DriverManager;

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

        String url = "jdbc:h2:file:" + work.resolve("data/fundtrace").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            // what a kill right after the instance's commit leaves: the instance, nothing else
            for (String table : new String[]{"batch_step_execution_context", "batch_step_execution", "batch_job_execution_context",
                    "batch_job_execution_params", "batch_job_execution"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            var rs = s.executeQuery("SELECT COUNT(*) FROM batch_job_instance");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }

        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        int rc;
        try {
            rc = cli.execute(command);
        } finally {
            System.setErr(stderr);
        }
        assertThat(rc).as(captured.toString()).isZero();
        assertThat(captured.toString()).contains("left no execution; starting it again").contains("[report] COMPLETED");
        assertThat(work.resolve("reports/ira-nightly/2026-11-28/report.json")).isRegularFile();
    }
}
