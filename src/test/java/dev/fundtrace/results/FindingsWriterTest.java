package dev.fundtrace.results;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.report.PageFlows;
import dev.fundtrace.report.ReportedFlag;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.rules.Flag;
import dev.fundtrace.rules.FlagEngine;
import dev.fundtrace.rules.FlagPart;
import dev.fundtrace.rules.FlagResult;
import dev.fundtrace.rules.Rule;
import dev.fundtrace.rules.RuleThresholds;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

import static dev.fundtrace.trace.LedgerFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace's findings written through the sorter on disk are the flags and flows the engine collects in memory:
 * the same flags (merged the same way), in report order, with the same flows in report order, whatever order the
 * engine handed them on in; and the folder is whole or absent.
 */
class FindingsWriterTest {

    private static final RuleThresholds THRESHOLDS = new RuleThresholds(Map.of("ETH", new BigDecimal("1E-18"),
            LedgerFixture.TOKEN, new BigDecimal("1E-18")), Duration.ofHours(1), Map.of("ETH", new BigDecimal("1E-15")), Duration.ofDays(1), 3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** Random transfers of ETH and a token among 60 addresses, two seeds, an exchange and a mixer. */
    private static ChainTrace randomTrace(long seed) {
        Random r = new Random(seed);
        LedgerFixture f = new LedgerFixture().seeds("S1", "S2").services("EX", "MX");
        String[] names = new String[60];
        for (int i = 0; i < names.length; i++) names[i] = i == 0 ? "S1" : i == 1 ? "S2" : i == 2 ? "EX" : i == 3 ? "MX" : "A" + i;
        for (int b = 1; b <= 400; b++) {
            String from = names[r.nextInt(names.length)], to = names[r.nextInt(names.length)];
            if (from.equals(to)) continue;
            if (r.nextInt(4) == 0) f.token(LedgerFixture.TOKEN, b, 0, from, to, 1 + r.nextInt(5000));
            else f.tx(b, 0, from, to, 1 + r.nextInt(5000));
        }
        // a seed that pays A and is paid by A: one DIRECT_COUNTERPARTY flag from two hits far apart
        f.tx(401, 0, "S1", "A7", 10).tx(402, 0, "A7", "S1", 3);
        return f.trace().chainTrace();
    }

    private static LabelBook labels() {
        return new LabelBook(List.of(new Label(addr("EX"), "ethereum", "Exchange 1", "exchange", "test"),
                new Label(addr("MX"), "ethereum", "Mixer 1", "mixer", "test")));
    }

    @Test
    void theFindingsOnDiskAreTheEnginesFlagsAndFlowsInReportOrder() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            ChainTrace trace = randomTrace(seed);
            FlagEngine engine = new FlagEngine(labels(), THRESHOLDS);
            FlagResult collected = engine.evaluate(trace, List.of(addr("A9")));
            Findings findings = new Findings(dir.resolve("run-" + seed));
            FindingsWriter.Written written;
            try (FindingsWriter out = new FindingsWriter(findings)) {
                engine.evaluate(trace, List.of(addr("A9")), out);
                written = out.finish();
            }
            assertThat(findings.exist()).isTrue();
            assertThat(collected.flags()).as("seed %d: a trace with flags of several rules", seed).hasSizeGreaterThan(10);

            List<Flag> byReportOrder = new ArrayList<>(collected.flags());
            byReportOrder.sort(Comparator.comparing(Flag::severity).thenComparing(g -> g.rule().name())
                    .thenComparing(Flag::asset).thenComparing(Flag::address)
                    .thenComparing(Flag::seed, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Flag::chain));
            List<ReportedFlag> read = new ArrayList<>();
            findings.flags(k -> false).forEach(read::add);
            assertThat(read).extracting(ReportedFlag::row).as("seed %d", seed).containsExactlyElementsOf(
                    byReportOrder.stream().map(FindingsWriterTest::row).toList());
            Map<String, Integer> decimals = new java.util.HashMap<>();
            trace.assets().forEach(a -> decimals.put(a.asset(), a.decimals()));
            assertThat(read).allSatisfy(f -> assertThat(f.decimals())
                    .isEqualTo(f.row().flowIds().isEmpty() ? null : decimals.get(f.row().asset())));

            long[] keys = collected.flags().stream().mapToLong(Flag::keyHash).sorted().toArray();
            assertThat(written.sortedKeys()).isEqualTo(keys);
            assertThat(written.flags()).isEqualTo(collected.flags().size());
            assertThat(findings.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(collected.flags().size());

            List<RunReport.FlowRow> flows = collected.flows().stream().map(FlowRows::of)
                    .sorted(Comparator.comparing(RunReport.FlowRow::direction, Comparator.reverseOrder())
                            .thenComparing(RunReport.FlowRow::asset).thenComparingInt(RunReport.FlowRow::hops)
                            .thenComparing(RunReport.FlowRow::endpoint)).toList();
            assertThat(JSON.readValue(findings.flowsJson().toFile(), new TypeReference<List<RunReport.FlowRow>>() {}))
                    .as("seed %d flows.json", seed).containsExactlyElementsOf(flows);
            PageFlows expected = PageFlows.of(flows, read.stream().map(ReportedFlag::row).toList());
            assertThat(findings.pageFlows()).isEqualTo(expected);
        }
    }

    @Test
    void newnessAndSelectionGoByKeyHash() {
        ChainTrace trace = randomTrace(3);
        FlagEngine engine = new FlagEngine(labels(), THRESHOLDS);
        Findings findings = new Findings(dir);
        FindingsWriter.Written written;
        try (FindingsWriter out = new FindingsWriter(findings)) {
            engine.evaluate(trace, List.of(), out);
            written = out.finish();
        }
        long[] some = Arrays.copyOf(written.sortedKeys(), 5);
        LongPredicate inSome = k -> Arrays.binarySearch(some, k) >= 0;
        List<ReportedFlag> marked = new ArrayList<>(), taken = new ArrayList<>();
        findings.flags(inSome).forEach(marked::add);
        findings.only(inSome, k -> false).forEach(taken::add);
        assertThat(marked.stream().filter(f -> f.row().newSinceLastRun()).count()).isEqualTo(5);
        assertThat(taken).hasSize(5).allSatisfy(f -> assertThat(f.row().newSinceLastRun()).isFalse());
    }

    @Test
    void partsOfOneFlagThatComeApartAreMergedInTheOrderTheyCame() {
        Findings findings = new Findings(dir);
        try (FindingsWriter out = new FindingsWriter(findings)) {
            int flow = out.flow(new Flow("F-1", dev.fundtrace.trace.Direction.FORWARD, "ethereum", "ETH", "ETH", 18,
                    "0xs", "0xa", null, null, 1, BigInteger.TEN, List.of()));
            out.part(part(Rule.DIRECT_COUNTERPARTY, "0xa", flow, "received 10 wei", List.of("0x1"), 10));
            out.part(part(Rule.INDIRECT_EXPOSURE, "0xb", -1, "received 4 wei", List.of("0x4"), null));
            out.part(part(Rule.DIRECT_COUNTERPARTY, "0xa", -1, "sent 3 wei", List.of("0x2", "0x1"), 3));
            out.finish();
        }
        List<RunReport.FlagRow> rows = new ArrayList<>();
        findings.flags(k -> false).forEach(f -> rows.add(f.row()));
        assertThat(rows).extracting(RunReport.FlagRow::rule).containsExactly("DIRECT_COUNTERPARTY", "INDIRECT_EXPOSURE");
        RunReport.FlagRow direct = rows.getFirst();
        assertThat(direct.amountRaw()).isEqualTo("13");
        assertThat(direct.evidence()).containsExactly("0x1", "0x2");
        assertThat(direct.flowIds()).containsExactly("F-1");
        assertThat(direct.explanation()).isEqualTo("0xa received 10 wei; it also sent 3 wei.");
    }

    @Test
    void aKilledAttemptsLeftoversAreClearedAndTheFindingsAreReplacedWhole() throws IOException {
        Findings findings = new Findings(dir);
        Files.createDirectories(findings.temporaryFolder());
        Files.writeString(findings.temporaryFolder().resolve(".flows-123.spool"), "left by a killed attempt");
        try (FindingsWriter out = new FindingsWriter(findings)) {
            out.part(part(Rule.INDIRECT_EXPOSURE, "0xb", -1, "received 4 wei", List.of("0x4"), null));
            out.finish();
        }
        try (FindingsWriter out = new FindingsWriter(findings)) {
            out.part(part(Rule.MIXER, "0xc", -1, "reached a mixer", List.of("0x5"), null));
            out.part(part(Rule.MIXER, "0xd", -1, "reached a mixer", List.of("0x6"), null));
            out.finish();
        }
        assertThat(findings.temporaryFolder()).doesNotExist();
        try (var files = Files.list(findings.folder())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "flags.bin", "flows.json", "page-flows.json");
        }
        assertThat(findings.counts()).containsEntry("HIGH", 2).containsEntry("MEDIUM", 0);

        // a flag file cut short is not whole: the findings are taken for missing, and written again
        Path flags = findings.folder().resolve("flags.bin");
        byte[] bytes = Files.readAllBytes(flags);
        Files.write(flags, Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(findings.exist()).isFalse();
    }

    private static FlagPart part(Rule rule, String address, int flow, String reason, List<String> evidence, Integer stated) {
        return new FlagPart(rule, "ethereum", "ETH", "ETH", 18, address, "0xs", 1, flow, flow < 0 ? null : "F-1",
                flow < 0 ? null : BigInteger.TEN, stated == null ? null : BigInteger.valueOf(stated), evidence, reason, null);
    }

    private static RunReport.FlagRow row(Flag g) {
        return new RunReport.FlagRow(g.id(), g.rule().name(), g.severity().name(), g.address(), g.seed(), g.chain(),
                g.asset(), g.asset(), g.hops(), g.flowIds(), g.evidence(), g.explanation(),
                g.depositAddress(), g.amountRaw(), false);
    }
}
