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

}
