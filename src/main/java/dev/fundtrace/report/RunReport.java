package dev.fundtrace.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fundtrace.audit.FileDigest;
import dev.fundtrace.audit.FolderDigest;

import java.util.List;
import java.util.Map;

/**
 * The whole result of one run in the shape of report.md's report.json (fields may be added, never renamed).
 * Every writer (JSON, CSV, HTML) renders this one model.
 */
public record RunReport(String job, String runDate, String generatedAt, Map<String, Object> parameters,
                        Coverage coverage, List<DesignationRow> designations, List<ExposureRow> exposures,
                        List<FlowRow> flows, List<FlagRow> flags, Summary summary, Changes changes,
                        List<RejectionRow> rejected, List<String> warnings, List<ClusterRow> clusters,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Audit audit,
                        @com.fasterxml.jackson.annotation.JsonIgnore List<ExposureTotal> exposureTotals) {

    /** A report whose per-seed totals come from {@code exposureTotals} (see below), with its audit trail. */
    public RunReport(String job, String runDate, String generatedAt, Map<String, Object> parameters,
                     Coverage coverage, List<DesignationRow> designations, List<ExposureRow> exposures,
                     List<FlowRow> flows, List<FlagRow> flags, Summary summary, Changes changes,
                     List<RejectionRow> rejected, List<String> warnings, List<ClusterRow> clusters,
                     List<ExposureTotal> exposureTotals) {
        this(job, runDate, generatedAt, parameters, coverage, designations, exposures, flows, flags, summary, changes,
                rejected, warnings, clusters, null, exposureTotals);
    }

    /** The same report with its audit trail. */
    public RunReport withAudit(Audit trail) {
        return new RunReport(job, runDate, generatedAt, parameters, coverage, designations, exposures, flows, flags,
                summary, changes, rejected, warnings, clusters, trail, exposureTotals);
    }

    /**
     * A report whose exposures' totals per seed (page one of report.html) come from {@code exposures}: the caller
     * that leaves {@code exposures} empty (report.json takes them from a file) passes {@code exposureTotals} instead.
     */
    public RunReport(String job, String runDate, String generatedAt, Map<String, Object> parameters,
                     Coverage coverage, List<DesignationRow> designations, List<ExposureRow> exposures,
                     List<FlowRow> flows, List<FlagRow> flags, Summary summary, Changes changes,
                     List<RejectionRow> rejected, List<String> warnings, List<ClusterRow> clusters) {
        this(job, runDate, generatedAt, parameters, coverage, designations, exposures, flows, flags, summary, changes,
                rejected, warnings, clusters, null, null);
    }

    /**
     * The haircut taint of a seed's exposures in one asset and direction, summed per kind of address reached.
     *
     * @param firstHop true for the seed's direct counterparties (hop 1)
     * @param kind     "exchange", "mixer", "sanctioned" (another designated address) or null (anything else)
     */
    public record ExposureTotal(String chain, String seed, String asset, String direction, boolean firstHop,
                                String kind, String amountRaw) {}

    /** A report without UTXO clusters. */
    public RunReport(String job, String runDate, String generatedAt, Map<String, Object> parameters,
                     Coverage coverage, List<DesignationRow> designations, List<ExposureRow> exposures,
                     List<FlowRow> flows, List<FlagRow> flags, Summary summary, Changes changes,
                     List<RejectionRow> rejected, List<String> warnings) {
        this(job, runDate, generatedAt, parameters, coverage, designations, exposures, flows, flags, summary, changes,
                rejected, warnings, List.of());
    }

    public record Coverage(List<ChainCoverage> chains, List<String> sources) {}

    /**
     * One chain's coverage. The counts between {@code toTime} and {@code transfers} are a UTXO chain's (utxo.md,
     * "Coverage"); an account chain leaves them out.
     */
    public record ChainCoverage(String chain, long fromBlock, long toBlock, String fromTime, String toTime,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long blocks,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long transactions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long coinbaseTransactions,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long inputs,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long outputs,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long unresolvedInputs,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String outputValueRaw,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String feesRaw,
                                long transfers, long reverted, List<AssetCoverage> assets) {

        /** An account chain's coverage. */
        public ChainCoverage(String chain, long fromBlock, long toBlock, String fromTime, String toTime,
                             long transfers, long reverted, List<AssetCoverage> assets) {
            this(chain, fromBlock, toBlock, fromTime, toTime, null, null, null, null, null, null, null, null,
                    transfers, reverted, assets);
        }
    }

    /**
     * Per traced asset: taint that left the horizon (raw units), how much of it went back to seeds, and on UTXO
     * chains how much went to fees (not traced).
     */
    public record AssetCoverage(String asset, String symbol, int decimals, long transfers, String taintLeftHorizonRaw,
                                String taintReturnedToSeedsRaw,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String taintToFeesRaw) {

        public AssetCoverage(String asset, String symbol, int decimals, long transfers, String taintLeftHorizonRaw,
                             String taintReturnedToSeedsRaw) {
            this(asset, symbol, decimals, transfers, taintLeftHorizonRaw, taintReturnedToSeedsRaw, null);
        }
    }

    /** @param notTracedReason why it is not traced (null when it is) */
    public record DesignationRow(String subject, String sdnUid, List<String> programs, String currency, String chain,
                                 String address, String sourceFile, boolean seed, boolean traced, String notTracedReason) {

        public DesignationRow(String subject, String sdnUid, List<String> programs, String currency, String chain,
                              String address, String sourceFile, boolean seed, boolean traced) {
            this(subject, sdnUid, programs, currency, chain, address, sourceFile, seed, traced, null);
        }
    }

    /**
     * @param taintedAmount UTXO chains: the amount in display units; null on account chains
     * @param evidence      UTXO chains: the representative coin ({@code ["txid:vout"]}); null on account chains
     */
    public record ExposureRow(String direction, String chain, String asset, String address, int hops,
                              String taintedAmountRaw, String seed, String label, String category,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String taintedAmount,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> evidence) {

        public ExposureRow(String direction, String chain, String asset, String address, int hops,
                           String taintedAmountRaw, String seed, String label, String category) {
            this(direction, chain, asset, address, hops, taintedAmountRaw, seed, label, category, null, null);
        }
    }

    public record FlowRow(String id, String direction, String chain, String asset, String assetSymbol, int decimals,
                          String seed, String endpoint, String endpointLabel, String endpointCategory, int hops,
                          String taintedAmountRaw, String taintedAmount, List<StepRow> path) {
        public FlowRow withPath(List<StepRow> steps) {
            return new FlowRow(id, direction, chain, asset, assetSymbol, decimals, seed, endpoint, endpointLabel,
                    endpointCategory, hops, taintedAmountRaw, taintedAmount, steps);
        }
    }

    /**
     * @param spent    UTXO chains: the coin the step spent ({@code txid:vout}); null on account chains
     * @param outpoint UTXO chains: the coin it created
     * @param taintRaw UTXO chains: that coin's taint (forward flows)
     */
    public record StepRow(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                          String amountRaw, String time,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String spent,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String outpoint,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String taintRaw) {

        public StepRow(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                       String amountRaw, String time) {
            this(txHash, blockNumber, position, subPosition, from, to, amountRaw, time, null, null, null);
        }
    }

    /** A seed's address cluster on a UTXO chain (utxo.md, "Address clustering"). */
    public record ClusterRow(String chain, List<String> seeds, int size, List<String> addresses, List<String> evidence,
                             List<String> excludedCoinJoins, String heuristic) {}

    /**
     * @param amountRaw the flag's amount in raw units (integer string): DIRECT_COUNTERPARTY's sums every direct
     *                  transfer between the address and the seed; other rules' is their first flow's tainted amount
     */
    public record FlagRow(String id, String rule, String severity, String address, String seed, String chain,
                          String asset, String assetSymbol, int hops, List<String> flowIds, List<String> evidence,
                          String explanation, String depositAddress,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String amountRaw, boolean newSinceLastRun,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Review review) {

        /** A flag nobody has reviewed. */
        public FlagRow(String id, String rule, String severity, String address, String seed, String chain,
                       String asset, String assetSymbol, int hops, List<String> flowIds, List<String> evidence,
                       String explanation, String depositAddress, String amountRaw, boolean newSinceLastRun) {
            this(id, rule, severity, address, seed, chain, asset, assetSymbol, hops, flowIds, evidence, explanation,
                    depositAddress, amountRaw, newSinceLastRun, null);
        }

        /** The flag as reviewed: a review that covers its evidence takes away "new since the last run". */
        public FlagRow reviewed(Review r) {
            return new FlagRow(id, rule, severity, address, seed, chain, asset, assetSymbol, hops, flowIds, evidence,
                    explanation, depositAddress, amountRaw, newSinceLastRun && !r.current(), r);
        }

        /** A flag row without an amount of its own (the report falls back on its first flow's). */
        public FlagRow(String id, String rule, String severity, String address, String seed, String chain,
                       String asset, String assetSymbol, int hops, List<String> flowIds, List<String> evidence,
                       String explanation, String depositAddress, boolean newSinceLastRun) {
            this(id, rule, severity, address, seed, chain, asset, assetSymbol, hops, flowIds, evidence, explanation,
                    depositAddress, null, newSinceLastRun);
        }
    }

    /**
     * The review of a flag's finding in reviews.csv.
     *
     * @param source              where the review is: {@code reviews.csv:<line>}
     * @param comparedWithRun     the run the review's evidence is taken from: the latest completed run dated on or
     *                            before the review; null when there is none, and the review then covers the evidence as it is
     * @param evidenceSinceReview the flag's evidence that run did not have: transactions the reviewer has not seen
     * @param current             true when there is none: the review covers the finding as it stands, and the flag is
     *                            not new; false: the flag is as if unreviewed (new only if its finding is new)
     */
    public record Review(String decision, String reviewer, String date, String note, String source,
                         String comparedWithRun, List<String> evidenceSinceReview, boolean current) {}

    public record Summary(int designatedAddresses, int seeds, int reachedAddresses, Map<String, Integer> flags,
                          long transfers) {}

    /** What changed since the previous completed run of the same job. */
    public record Changes(String previousRunDate, List<String> newFlagIds, List<FlagRow> resolvedFlags) {}

    public record RejectionRow(String source, long line, String reason, String record) {}

    /**
     * What the run read and what ran it, so that a report can be checked against its inputs later: each input's
     * path, size and SHA-256, the sanctions list's publish date as its file states it, fundtrace's version and the
     * job file's digest. A resumed run reports what its steps read when they ran.
     *
     * @param jobFile the job file's text as the run went by it (a resumed run keeps the text it started with)
     * @param reviews the job's reviews.csv, null when it names none
     */
    public record Audit(String fundtraceVersion, FileDigest jobFile, List<DesignationInput> designationFiles,
                        List<FileDigest> labelFiles, List<LedgerInput> ledgers,
                        @JsonInclude(JsonInclude.Include.NON_NULL) FileDigest reviews) {}

    /**
     * A sanctions file read.
     *
     * @param publishDate         the list's publish date as the file states it ({@code yyyy-MM-dd}), null when it states none
     * @param publishDateStatedIn the element it came from, or "not stated in the file" (sdn.csv, a watchlist)
     */
    public record DesignationInput(String path, long bytes, String sha256, String format, String publishDate,
                                   String publishDateStatedIn) {}

    /**
     * A chain's ledger source: the files read from its folder ({@code source} "files", see FolderDigest for the
     * manifest digest), or a JSON-RPC node ({@code source} "rpc", {@code path} its URL without credentials, no files).
     *
     * @param files each file read, or null beyond FolderDigest.FILES_LISTED_MAX files (the count and digest cover all)
     */
    public record LedgerInput(String chain, String source, String path,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer fileCount,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Long bytes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String digestedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<FileDigest> files) {

        public static LedgerInput of(String chain, FolderDigest folder) {
            return new LedgerInput(chain, "files", folder.path(), folder.fileCount(), folder.bytes(), folder.sha256(),
                    folder.digestedAt(), folder.files());
        }

        /** The same digests for the folder at {@code path} (an export of the same fingerprint, read from elsewhere). */
        public LedgerInput at(String path) {
            return new LedgerInput(chain, source, path, fileCount, bytes, sha256, digestedAt, files);
        }

        public static LedgerInput rpc(String chain, String url) {
            return new LedgerInput(chain, "rpc", url, null, null, null, null, null);
        }
    }

}
