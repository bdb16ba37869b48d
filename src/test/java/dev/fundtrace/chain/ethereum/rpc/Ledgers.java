package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.chain.ethereum.etl.EtlExportLoader;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.SegmentBuilder;
import dev.fundtrace.trace.ChainTracer;
import dev.fundtrace.trace.Exposure;
import dev.fundtrace.trace.TraceParameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers: transfers of a builder or an export as records, one ledger from many parts, trace exposures. */
final class Ledgers {
    private Ledgers() {}

    static JobDefinition.Rpc options(int batchSize, boolean traceFilter) {
        return new JobDefinition.Rpc(batchSize, 4, 1000, 3, Duration.ofSeconds(20), 10_000, traceFilter);
    }

    static Set<Transfer> transfers(SegmentBuilder b) {
        ChainLedger l = ChainLedger.of(b);
        Set<Transfer> out = new LinkedHashSet<>();
        for (int i = 0; i < l.size(); i++) out.add(l.transfer(i));
        return out;
    }

    /** An export loaded with the production loader, as one builder (block times from blocks.csv). */
    static SegmentBuilder export(Path dir) throws IOException {
        EtlExportLoader.Result r = new EtlExportLoader(2, null).load(dir, false, 0.01);
        if (!r.rejections().isEmpty()) throw new AssertionError("export rows refused: " + r.rejections());
        Map<Long, Instant> times = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("blocks.csv")).subList(1, Files.readAllLines(dir.resolve("blocks.csv")).size())) {
            String[] f = line.split(",");
            times.put(Long.parseLong(f[0]), Instant.ofEpochSecond(Long.parseLong(f[2])));
        }
        SegmentBuilder merged = new SegmentBuilder(Chain.ETHEREUM);
        for (SegmentBuilder part : r.parts()) {
            ChainLedger l = ChainLedger.of(part);
            for (int a = 0; a < l.assetCount(); a++) merged.asset(l.assetInfo(a));
            for (int i = 0; i < l.size(); i++) {
                Transfer t = l.transfer(i);
                merged.add(NodeRecords.withTime(t, times.get(t.blockNumber())));
            }
        }
        return merged;
    }

    static List<Exposure> trace(SegmentBuilder b, Collection<String> seeds, Collection<String> services, int maxHops) {
        return new ChainTracer(ChainLedger.of(b)).trace(seeds, services, new TraceParameters(true, true, maxHops, Map.of()))
                .exposures(LabelBook.empty());
    }

    static AssetInfo asset(SegmentBuilder b, String asset) {
        ChainLedger l = ChainLedger.of(b);
        return l.assetInfo(l.assetId(asset));
    }
}
