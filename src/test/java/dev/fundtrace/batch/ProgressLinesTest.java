package dev.fundtrace.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #17, item 9: progress inside long steps, and lines that read as sentences. */
class ProgressLinesTest {

    @TempDir
    Path dir;

    @Test
    void aCountWithAnExpectedTotalSaysTheShareTheRateAndTheTimeLeft() {
        var count = new ProgressCount("ethereum export", "rows", 4_000_000, 0);
        count.add(1_000_000);
        assertThat(count.line(2_000_000_000L)).isEqualTo("ethereum export: 1,000,000 of about 4,000,000 rows (25%), 500,000/s, about 6 s left");
        var unknown = new ProgressCount("ethereum export", "rows", 0, 0);
        unknown.add(300);
        assertThat(unknown.line(3_000_000_000L)).isEqualTo("ethereum export: 300 rows, 100/s, 3 s so far");
    }

    @Test
    void aCountBeyondItsEstimateNeverReadsAsDoneOrNegative() {
        var count = new ProgressCount("x", "rows", 100, 0);
        count.add(150);
        assertThat(count.line(1_000_000_000L)).isEqualTo("x: 150 of about 150 rows (99%), 150/s, 1 s so far");
    }

    @Test
    void durationsAndAmountsReadForAPerson() {
        assertThat(Console.duration(40)).isEqualTo("40 s");
        assertThat(Console.duration(200)).isEqualTo("3 min");
        assertThat(Console.duration(6000)).isEqualTo("1 h 40 min");
        assertThat(Console.amount(new BigInteger("1500000000000000000"), 18, "ETH")).isEqualTo("1.5 ETH");
        assertThat(Console.amount(new BigInteger("29100000000"), 6, "USDT")).isEqualTo("29100 USDT");
        assertThat(Console.amount(BigInteger.TEN, -1, "XYZ")).contains("base units").contains("decimals are unknown");
        assertThat(Console.rate(5026, "transfers", 80_000_000L)).isEqualTo("5,026 transfers in 0.08 s (62,825/s)");
    }

    @Test
    void theHeartbeatPrintsWhileTheWorkRunsAndStopsWhenItEnds() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, UTF_8));
        String before = System.getProperty("fundtrace.progress-seconds");
        System.setProperty("fundtrace.progress-seconds", "0.05");
        try (var beat = Heartbeat.start("ledger", () -> "still reading")) {
            Thread.sleep(300);
        } finally {
            if (before == null) System.clearProperty("fundtrace.progress-seconds");
            else System.setProperty("fundtrace.progress-seconds", before);
            System.setErr(old);
        }
        String printed = err.toString(UTF_8);
        assertThat(printed.lines().count()).isGreaterThanOrEqualTo(2);
        assertThat(printed.lines()).allMatch(l -> l.equals("[ledger] still reading"));
        Thread.sleep(150);
        assertThat(err.toString(UTF_8)).isEqualTo(printed);
    }

    @Test
    void theRowsOfAnExportAreEstimatedFromItsFilesSizes() throws Exception {
        StringBuilder tx = new StringBuilder("hash,value\n");
        for (int i = 0; i < 50_000; i++) tx.append("0x").append(String.format("%064x", i)).append(",").append(i).append('\n');
        Files.writeString(dir.resolve("transactions.csv"), tx);
        Files.writeString(dir.resolve("receipts.csv"), "a,b\n1,2\n3,4\n");
        long estimate = CsvRowEstimate.rows(dir);
        assertThat(estimate).isBetween(49_000L + 2, 51_000L + 2);
        assertThat(CsvRowEstimate.size(3L << 30)).isEqualTo("3.0 GB");
    }
}
