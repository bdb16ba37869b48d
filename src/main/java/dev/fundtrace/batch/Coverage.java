package dev.fundtrace.batch;

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

    static String json(ChainTrace trace, List<SegmentInfo> segments) {
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
        var chain = new RunReport.ChainCoverage(trace.chain(), l.minBlock(), l.maxBlock(),
                fromTime < 0 ? null : Instant.ofEpochSecond(fromTime).toString(),
                toTime < 0 ? null : Instant.ofEpochSecond(toTime).toString(), transfers, reverted, assets);
        List<String> sources = segments.stream().map(s -> s.source() + " (loaded " + s.loadedAt() + ")").toList();
        return JSON.writeValueAsString(new RunReport.Coverage(List.of(chain), sources));
    }

    static RunReport.Coverage read(String json) {
        return JSON.readValue(json, RunReport.Coverage.class);
    }
}
