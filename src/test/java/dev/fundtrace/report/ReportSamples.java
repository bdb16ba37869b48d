package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.*;

import java.util.List;
import java.util.Map;

/** Made-up reports of any size, for the writers' tests. */
final class ReportSamples {
    private ReportSamples() {}

    /** {@code size} flows, flags and exposures around one seed. */
    static RunReport sample(int size) {
        List<FlowRow> flows = new java.util.ArrayList<>();
        List<FlagRow> flags = new java.util.ArrayList<>();
        List<ExposureRow> exposures = new java.util.ArrayList<>();
        String seed = address(0);
        for (int i = 1; i <= size; i++) {
            String a = address(i), b = address(size + i), tx = "0x" + String.format("%064x", i);
            var steps = List.of(new StepRow(tx, i, i % 7, 0, seed, a, "1000000000000000000", "2020-01-01T00:00:00Z"),
                    new StepRow(tx, i + 1, i % 5, 1, a, b, Long.toString(999_999_999L * i), "2020-01-01T00:00:01Z"));
            flows.add(new FlowRow("F-" + i, i % 2 == 0 ? "forward" : "backward", "ethereum", "ETH", "ETH", 18, seed, b,
                    i % 3 == 0 ? "Exchange " + i : null, i % 3 == 0 ? "exchange" : null, 2, Long.toString(999_999_999L * i),
                    "0." + i, steps));
            flags.add(new FlagRow("G-" + i, i % 3 == 0 ? "CASH_OUT_EXCHANGE" : "INDIRECT_EXPOSURE", i % 2 == 0 ? "HIGH" : "MEDIUM",
                    b, seed, "ethereum", "ETH", "ETH", 2, List.of("F-" + i), List.of(tx), "sample flag " + i, null, i % 2 == 0));
            exposures.add(new ExposureRow("forward", "ethereum", "ETH", b, 2, Long.toString(999_999_999L * i), seed, null, null));
        }
        return new RunReport("sample", "2020-01-02", "2020-01-02T00:00:00Z", Map.of("maxHops", 4, "taintModel", "haircut"),
                new Coverage(List.of(new ChainCoverage("ethereum", 1, 1, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", 1, 0,
                        List.of(new AssetCoverage("ETH", "ETH", 18, 1, "0", "0")))), List.of("sample")),
                List.of(new DesignationRow("SAMPLE", "1", List.of("CYBER2"), "ETH", "ethereum", seed, "sample.xml", true, true)),
                exposures, flows, flags, new Summary(1, 1, size, Map.of("HIGH", size / 2, "MEDIUM", size - size / 2), size),
                new Changes("2020-01-01", flags.stream().map(FlagRow::id).toList(), flags.subList(0, Math.min(size, 3))),
                List.of(new RejectionRow("sample.csv", 2, "sample", "x")), List.of("sample"));
    }

    private static String address(int i) {
        return "0x" + String.format("%040x", 0x1000L + i);
    }
}
