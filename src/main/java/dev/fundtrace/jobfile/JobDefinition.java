package dev.fundtrace.jobfile;

import dev.fundtrace.ledger.Chain;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one scheduled run needs, read from a job file ({@code job-file.md}).
 * Paths are already resolved against the job file's folder.
 *
 * @param reviews the reviews.csv whose reviewed findings the reports mark, or null
 */
public record JobDefinition(
        Path jobFile,
        String name,
        Designations designations,
        Ledger ledger,
        List<Path> labels,
        Path reviews,
        Trace trace,
        Rules rules,
        Report report) {

    public record Designations(List<Path> files, Selection select) {}

    /** Who is a seed; all empty = every digital-currency address loaded. */
    public record Selection(List<String> uids, List<String> names, List<String> programs) {
        public boolean selectsAll() {
            return uids.isEmpty() && names.isEmpty() && programs.isEmpty();
        }
    }

    /**
     * One source per chain the job traces, keyed by chain id ({@code ethereum}, ...) in the job file's order.
     *
     * @param maxRejectedShare not a chain: the load of a chain fails when more than this share of its rows is refused
     */
    public record Ledger(Map<String, ChainSource> chains, double maxRejectedShare) {
        public Ledger {
            chains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chains));
        }

        /** The Ethereum source, or null when the job traces no Ethereum. */
        public EthereumLedger ethereum() {
            return chains.get(EthereumLedger.CHAIN) instanceof EthereumLedger e ? e : null;
        }
    }

    /** Where one chain's transactions come from. */
    public sealed interface ChainSource permits EthereumLedger, UtxoLedger {
        Chain chain();
    }

    /** A Bitcoin-family chain ({@code bitcoin}, {@code litecoin}, ...): a folder of bitcoin-etl JSON lines (utxo.md). */
    public record UtxoLedger(Chain chain, Path files) implements ChainSource {}

    /**
     * Where Ethereum transfers come from: an ethereum-etl export folder or a JSON-RPC node.
     *
     * @param assumeSuccess an export without receipt status may be traced only when this is true
     */
    public record EthereumLedger(Path files, String rpc, Long fromBlock, String toBlock, int confirmations,
                                 boolean assumeSuccess, Rpc rpcOptions) implements ChainSource {
        public static final String CHAIN = "ethereum";

        public Chain chain() { return Chain.ETHEREUM; }

        public boolean fromFiles() { return files != null; }
    }

    /** Politeness and batching for a JSON-RPC node. */
    public record Rpc(int batchSize, int maxInFlight, double requestsPerSecond, int maxRetries,
                      Duration timeout, int logWindow, boolean useTraceFilter) {}

    public enum Direction { FORWARD, BACKWARD, BOTH;
        public boolean forward() { return this != BACKWARD; }
        public boolean backward() { return this != FORWARD; }
    }

    /** @param dust per asset (symbol or token address), in display units */
    public record Trace(Direction direction, int maxHops, Map<String, BigDecimal> dust, Clustering clustering) {}

    /**
     * UTXO chains' multi-input clustering (utxo.md).
     *
     * @param enabled     report the seeds' clusters
     * @param extendSeeds trace every address of a seed's cluster as a seed
     */
    public record Clustering(boolean enabled, boolean extendSeeds) {}

    /** Thresholds per asset (symbol or token address) in display units; windows as ISO-8601 durations. */
    public record Rules(Map<String, BigDecimal> indirectExposureMin, Duration rapidPassThroughWindow,
                       Map<String, BigDecimal> structuringThreshold, Duration structuringWindow,
                       int structuringMinTransfers) {}

    public enum Format { HTML, CSV, JSON }

    /**
     * @param exitOnNewHigh a completed run with new HIGH flags exits 3 (after writing every report) so a scheduler can alert
     * @param explorer      where report.html links transactions and addresses
     */
    public record Report(Path dir, List<Format> formats, boolean exitOnNewHigh, Explorer explorer) {}

    /**
     * report.explorer: the chains' public block explorers ({@code public}, the default), no links at all ({@code off}:
     * opening a public explorer can tip off a subject), or a self-hosted explorer per chain, whose URL templates hold
     * {@code {txid}} and {@code {address}}; a chain not named then gets no links.
     */
    public record Explorer(Mode mode, Map<String, ChainLinks> chains) {
        public enum Mode { PUBLIC, OFF, SELF_HOSTED }

        public static final Explorer PUBLIC = new Explorer(Mode.PUBLIC, Map.of());
        public static final Explorer OFF = new Explorer(Mode.OFF, Map.of());

        public Explorer {
            chains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(chains));
        }

        /** @param tx a URL holding {txid}, or null (no links); @param address a URL holding {address}, or null */
        public record ChainLinks(String tx, String address) {}
    }
}
