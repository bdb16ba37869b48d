package dev.fundtrace.report;

import java.util.List;
import java.util.Map;

/**
 * The whole result of one run in the shape of report.md's report.json (fields may be added, never renamed).
 * Every writer (JSON, CSV, HTML) renders this one model.
 */
public record RunReport(String job, String runDate, String generatedAt, Map<String, Object> parameters,
                        Coverage coverage, List<DesignationRow> designations, List<ExposureRow> exposures,
                        List<FlowRow> flows, List<FlagRow> flags, Summary summary, Changes changes,
                        List<RejectionRow> rejected, List<String> warnings) {

    public record Coverage(List<ChainCoverage> chains, List<String> sources) {}

    public record ChainCoverage(String chain, long fromBlock, long toBlock, String fromTime, String toTime,
                                long transfers, long reverted, List<AssetCoverage> assets) {}

    /** Per traced asset: taint that left the horizon (raw units) and how much of it went back to seeds. */
    public record AssetCoverage(String asset, String symbol, int decimals, long transfers, String taintLeftHorizonRaw,
                                String taintReturnedToSeedsRaw) {}

    public record DesignationRow(String subject, String sdnUid, List<String> programs, String currency, String chain,
                                 String address, String sourceFile, boolean seed, boolean traced) {}

    public record ExposureRow(String direction, String chain, String asset, String address, int hops,
                              String taintedAmountRaw, String seed, String label, String category) {}

    public record FlowRow(String id, String direction, String chain, String asset, String assetSymbol, int decimals,
                          String seed, String endpoint, String endpointLabel, String endpointCategory, int hops,
                          String taintedAmountRaw, String taintedAmount, List<StepRow> path) {
        public FlowRow withPath(List<StepRow> steps) {
            return new FlowRow(id, direction, chain, asset, assetSymbol, decimals, seed, endpoint, endpointLabel,
                    endpointCategory, hops, taintedAmountRaw, taintedAmount, steps);
        }
    }

    public record StepRow(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                          String amountRaw, String time) {}

    public record FlagRow(String id, String rule, String severity, String address, String seed, String chain,
                          String asset, String assetSymbol, int hops, List<String> flowIds, List<String> evidence,
                          String explanation, String depositAddress, boolean newSinceLastRun) {}

    public record Summary(int designatedAddresses, int seeds, int reachedAddresses, Map<String, Integer> flags,
                          long transfers) {}

    /** What changed since the previous completed run of the same job. */
    public record Changes(String previousRunDate, List<String> newFlagIds, List<FlagRow> resolvedFlags) {}

    public record RejectionRow(String source, long line, String reason, String record) {}

    /** A small made-up report with one of everything, for warming the writers up ({@link ReportFolderWriter#warmUp}). */
    static RunReport sample() {
        String a = "0x" + "1".repeat(40), b = "0x" + "2".repeat(40), tx = "0x" + "3".repeat(64);
        var step = new StepRow(tx, 1, 0, 0, a, b, "1000000000000000000", "2020-01-01T00:00:00Z");
        var flow = new FlowRow("F-1", "forward", "ethereum", "ETH", "ETH", 18, a, b, "Exchange", "exchange", 1,
                "1000000000000000000", "1", List.of(step));
        var flag = new FlagRow("G-1", "CASH_OUT_EXCHANGE", "HIGH", b, a, "ethereum", "ETH", "ETH", 1, List.of("F-1"),
                List.of(tx), "sample", null, true);
        return new RunReport("sample", "2020-01-02", "2020-01-02T00:00:00Z", Map.of("maxHops", 4),
                new Coverage(List.of(new ChainCoverage("ethereum", 1, 1, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", 1, 0,
                        List.of(new AssetCoverage("ETH", "ETH", 18, 1, "0", "0")))), List.of("sample")),
                List.of(new DesignationRow("SAMPLE", "1", List.of("CYBER2"), "ETH", "ethereum", a, "sample.xml", true, true)),
                List.of(new ExposureRow("forward", "ethereum", "ETH", b, 1, "1000000000000000000", a, "Exchange", "exchange")),
                List.of(flow), List.of(flag), new Summary(1, 1, 1, Map.of("HIGH", 1), 1),
                new Changes("2020-01-01", List.of("G-1"), List.of(flag)), List.of(new RejectionRow("sample.csv", 2, "sample", "x")),
                List.of("sample"));
    }
}
