package dev.fundtrace.batch;

import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.trace.coin.CoinTrace;

import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.ledger.store.SegmentInfo;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.Amounts;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What data a run covered: blocks, times, transfers, sources, and the taint that left the horizon per asset. */
final class Coverage {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Coverage() {}

    static String json(RunTrace run, List<SegmentInfo> segments) {
        List<RunReport.ChainCoverage> chains = new ArrayList<>();
        run.accounts().forEach(trace -> chains.add(account(trace, segments)));
        run.coins().forEach(trace -> chains.add(coins(trace)));
        List<String> sources = segments.stream().map(s -> s.source() + " (loaded " + s.loadedAt() + ")").toList();
        return JSON.writeValueAsString(new RunReport.Coverage(chains, sources));
    }

    private static RunReport.ChainCoverage account(ChainTrace trace, List<SegmentInfo> segments) {
        LedgerView l = trace.ledger();
        List<RunReport.AssetCoverage> assets = new ArrayList<>();
        for (AssetTrace a : trace.assets()) {
            BigInteger left = a.taint() == null ? BigInteger.ZERO : a.taint().leftHorizon();
            BigInteger toSeeds = a.taint() == null ? BigInteger.ZERO : a.taint().returnedToSeeds();
            assets.add(new RunReport.AssetCoverage(a.asset(), a.symbol(), a.decimals(), a.graph().edgeCount(),
                    Amounts.plain(left), Amounts.plain(toSeeds)));
        }
        long reverted = segments.stream().mapToLong(SegmentInfo::reverted).sum();
        long transfers = segments.stream().mapToLong(SegmentInfo::transfers).sum();
        long fromTime = l.timeOfBlock(l.minBlock()), toTime = l.timeOfBlock(l.maxBlock());
        return new RunReport.ChainCoverage(trace.chain(), l.minBlock(), l.maxBlock(), time(fromTime), time(toTime),
                transfers, reverted, assets);
    }

    /** utxo.md's coverage entry: the load's counts, and where the seeds' taint went. */
    private static RunReport.ChainCoverage coins(CoinTrace trace) {
        CoinCoverage c = trace.ledger().coverage();
        var chain = trace.ledger().chain();
        var asset = new RunReport.AssetCoverage(chain.nativeAsset(), chain.nativeAsset(), chain.nativeDecimals(),
                c.outputs(), Amounts.plain(trace.leftHorizon()), Amounts.plain(trace.returnedToSeeds()),
                Amounts.plain(trace.toFees()));
        return new RunReport.ChainCoverage(chain.id(), c.fromBlock(), c.toBlock(), time(c.fromTime()), time(c.toTime()),
                c.blocks(), c.transactions(), c.coinbaseTransactions(), c.inputs(), c.outputs(), c.unresolvedInputs(),
                c.outputValueRaw().toString(), c.feesRaw().toString(), c.outputs(), 0, List.of(asset));
    }

    private static String time(long epochSeconds) {
        return epochSeconds < 0 ? null : Instant.ofEpochSecond(epochSeconds).toString();
    }

    static RunReport.Coverage read(String json) {
        return JSON.readValue(json, RunReport.Coverage.class);
    }
}
