package dev.fundtrace.batch;

import dev.fundtrace.report.RunReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A first run says "first run", not "N new since last run". */
class SummaryFirstRunTest {

    private static RunReport report(RunReport.Changes changes, boolean isNew) {
        var flag = new RunReport.FlagRow("G-1", "MIXER", "HIGH", "0xa", "0xs", "ethereum", "ETH", "ETH", 2, List.of(),
                List.of(), "0xa reached a mixer.", null, isNew);
        return new RunReport("ira-nightly", "2026-11-28", "2026-11-28T02:00:00Z", Map.of(),
                new RunReport.Coverage(List.of(), List.of()), List.of(), List.of(), List.of(), List.of(flag),
                new RunReport.Summary(1, 1, 1, Map.of("HIGH", 1, "MEDIUM", 0, "LOW", 0), 0), changes, List.of(), List.of());
    }

    @Test
    void firstRun() {
        String s = Summary.compose(report(new RunReport.Changes(null, List.of(), List.of()), false), Path.of("r"));
        assertThat(s).contains("1 HIGH, 0 MEDIUM, 0 LOW (first run)").doesNotContain("new since");
    }

    @Test
    void laterRun() {
        String s = Summary.compose(report(new RunReport.Changes("2026-11-27", List.of("G-1"), List.of()), true), Path.of("r"));
        assertThat(s).contains("(1 new since the run of 2026-11-27)");
    }
}
