package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.StepRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import static dev.fundtrace.report.HtmlReportWriter.blank;
import static dev.fundtrace.report.HtmlReportWriter.key;
import static dev.fundtrace.report.HtmlReportWriter.nz;
import static dev.fundtrace.report.HtmlReportWriter.severityOf;
import static dev.fundtrace.report.HtmlReportWriter.severityRank;

/**
 * What report.html shows of a report's flags, gathered as they pass, in bounded memory: per severity and rule the
 * {@link HtmlReportWriter#MAX_FLAGS_SHOWN_PER_RULE} with the largest amounts and how many there are; the flags of
 * the flows the page lists; the most severe flag at each address the drawing shows; the first new and resolved;
 * how many a current review covers.
 */
final class PagePass {

    /** A flag kept for the page, with its place in the report (equal amounts keep that order). */
    private record Kept(ReportedFlag flag, BigDecimal amount, long place) {}

    private static final Comparator<Kept> LARGEST_FIRST = Comparator.comparing(Kept::amount).reversed()
            .thenComparingLong(Kept::place);

    private final PageFlows flows;
    private final Set<String> listed = new HashSet<>();
    private final Set<String> drawnAddresses = new HashSet<>();
    /** severity → rule → the largest so far (a heap whose head is the one to drop next) */
    private final Map<String, Map<String, PriorityQueue<Kept>>> top = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, List<FlagRow>> flagsOfListedFlows = new HashMap<>();
    private final Map<String, Integer> bestRankByAddress = new HashMap<>();
    private final List<FlagRow> resolvedFirst = new ArrayList<>();
    private int flagCount, resolvedCount, reviewedCount;

    PagePass(PageFlows flows) {
        this.flows = flows;
        flows.listed().forEach(f -> listed.add(f.id()));
        for (FlowRow f : flows.drawn()) {
            drawnAddresses.add(key(f.chain(), f.seed()));
            drawnAddresses.add(key(f.chain(), f.endpoint()));
            for (StepRow s : nz(f.path())) {
                drawnAddresses.add(key(f.chain(), s.from()));
                drawnAddresses.add(key(f.chain(), s.to()));
            }
        }
        for (String s : List.of("HIGH", "MEDIUM", "LOW")) {
            top.put(s, new LinkedHashMap<>());
            counts.put(s, new LinkedHashMap<>());
        }
    }

    void flag(ReportedFlag f) {
        FlagRow g = f.row();
        long place = flagCount++;
        if (g.review() != null && g.review().current()) reviewedCount++;
        String sev = severityOf(g);
        counts.computeIfAbsent(sev, k -> new LinkedHashMap<>()).merge(g.rule(), 1, Integer::sum);
        PriorityQueue<Kept> heap = top.computeIfAbsent(sev, k -> new LinkedHashMap<>())
                .computeIfAbsent(g.rule(), k -> new PriorityQueue<>(LARGEST_FIRST.reversed()));
        BigDecimal amount = sortAmount(f);
        // a full heap takes a flag only if it is larger than the smallest kept (an equal one came later: it loses)
        if (heap.size() < HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE || amount.compareTo(heap.peek().amount()) > 0) {
            heap.add(new Kept(f, amount, place));
            if (heap.size() > HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE) heap.poll();
        }
        for (String fid : nz(g.flowIds())) {
            if (listed.contains(fid)) flagsOfListedFlows.computeIfAbsent(fid, k -> new ArrayList<>()).add(g);
        }
        if (!blank(g.address())) {
            String at = key(g.chain(), g.address());
            if (drawnAddresses.contains(at)) bestRankByAddress.merge(at, severityRank(sev), Math::min);
        }
    }

    void resolved(ReportedFlag f) {
        if (resolvedCount++ < HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE) resolvedFirst.add(f.row());
    }

    /** For "largest first": the flag's amount in display units (0 when it states none). */
    private static BigDecimal sortAmount(ReportedFlag f) {
        try {
            return f.amountRaw() == null ? BigDecimal.ZERO
                    : new BigDecimal(f.amountRaw()).movePointLeft(f.decimals() == null ? 0 : f.decimals());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** A rule's flags on the page, largest first, and how many it raised. */
    record RuleFlags(String rule, List<ReportedFlag> shown, int count) {}

    /** What the page shows, once every flag (and resolved flag) has passed. */
    record Content(Map<String, List<RuleFlags>> bySeverity, int flagCount, PageFlows flows,
                   Map<String, List<FlagRow>> flagsOfListedFlows, Map<String, Integer> bestRankByAddress,
                   List<FlagRow> resolvedFirst, int resolvedCount, int reviewedCount) {

        int flagsShown() {
            return bySeverity.values().stream().flatMap(List::stream).mapToInt(r -> r.shown().size()).sum();
        }
    }

    Content content() {
        Map<String, List<RuleFlags>> bySeverity = new LinkedHashMap<>();
        top.forEach((sev, rules) -> {
            List<RuleFlags> out = new ArrayList<>();
            rules.forEach((rule, heap) -> {
                List<Kept> kept = new ArrayList<>(heap);
                kept.sort(LARGEST_FIRST);
                out.add(new RuleFlags(rule, kept.stream().map(Kept::flag).toList(), counts.get(sev).get(rule)));
            });
            bySeverity.put(sev, out);
        });
        return new Content(bySeverity, flagCount, flows, flagsOfListedFlows, bestRankByAddress, resolvedFirst, resolvedCount, reviewedCount);
    }
}
