package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.chain.ethereum.rpc.GatherRequest;
import dev.fundtrace.chain.ethereum.rpc.GatherResult;
import dev.fundtrace.chain.ethereum.rpc.RedactedUrl;
import dev.fundtrace.chain.ethereum.rpc.RpcCheckpointStore;
import dev.fundtrace.chain.ethereum.rpc.RpcLedgerGatherer;
import dev.fundtrace.chain.ethereum.rpc.TokenMetadataCache;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.LabelDao;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the job's transfers from a JSON-RPC node: only the blocks after each address's checkpoint, grown from
 * the seeds with the job's stored ledger taken into account, stored as one new segment; the checkpoints are
 * saved only after the segment is, so a killed run gathers the same blocks again and stores nothing twice.
 */
@Component
class RpcLedgerSource {

    private final LedgerStore store;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final FactDao factDao;
    private final TraceRunner runner;
    private final RpcCheckpointStore checkpoints;
    private final TokenMetadataCache tokens;

    RpcLedgerSource(LedgerStore store, DesignationDao designationDao, LabelDao labelDao, FactDao factDao,
                    TraceRunner runner, JdbcTemplate jdbc) {
        this.store = store;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.factDao = factDao;
        this.runner = runner;
        this.checkpoints = new RpcCheckpointStore(jdbc);
        this.tokens = new TokenMetadataCache(jdbc);
    }

    String gather(RunParameters run, JobDefinition job) {
        JobDefinition.EthereumLedger eth = job.ledger().ethereum();
        String node = RedactedUrl.of(eth.rpc());
        Set<String> seeds = new TreeSet<>(designationDao.addresses(run.runId(), eth.chain().id(), true));
        Set<String> services = Set.copyOf(labelDao.addresses(run.runId(), eth.chain().id()));
        var stored = runner.segments(job);
        ChainLedger previous = stored.isEmpty() ? null : store.open(eth.chain(), stored);
        GatherRequest request = GatherRequest.of(eth, seeds, services, job.trace().maxHops(), checkpoints, previous, tokens);
        RpcLedgerGatherer gatherer = new RpcLedgerGatherer();
        long t0 = System.nanoTime();
        GatherResult result = gatherer.gather(request);
        result.warnings().forEach(w -> Console.progress("ledger", "warning: " + w));
        long reverted = result.transfers().stream().filter(t -> t.kind() == TransferKind.REVERTED).count();
        String fingerprint = fingerprint(eth.rpc(), result.fromBlock(), result.toBlock(), seeds, run.runId());
        // the warnings first, as the file path does: a kill must not leave the segment registered without them
        factDao.ledgerWarnings(run.runId(), fingerprint, result.warnings());
        store.store(eth.chain(), List.of(result.builder()), fingerprint,
                node + " blocks " + result.fromBlock() + "–" + result.toBlock() + " (" + result.mode() + ")",
                reverted, result.transfers().size(), List.of());
        gatherer.commit(request, result);
        long blocks = Math.max(0, result.toBlock() - result.fromBlock() + 1);
        Console.progress("ledger", node + ": " + result.mode() + ", blocks " + result.fromBlock() + "–" + result.toBlock()
                + ", " + result.expanded() + " addresses expanded, " + result.transfers().size() + " transfers, "
                + result.rpcCalls() + " calls in " + result.httpAttempts() + " HTTP requests; "
                + Console.rate(blocks, "blocks", System.nanoTime() - t0));
        return fingerprint;
    }

    private static String fingerprint(String url, long from, long to, Set<String> seeds, long runId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("rpc|" + url + "|" + from + "|" + to + "|" + seeds + "|" + runId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
