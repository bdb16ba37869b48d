package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.DesignationRow;
import dev.fundtrace.report.RunReport.ExposureRow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fundtrace.report.HtmlReportWriter.amount;
import static dev.fundtrace.report.HtmlReportWriter.blank;
import static dev.fundtrace.report.HtmlReportWriter.displayAddress;
import static dev.fundtrace.report.HtmlReportWriter.key;
import static dev.fundtrace.report.HtmlReportWriter.nz;
import static dev.fundtrace.report.HtmlReportWriter.text;

/**
 * Page one of report.html: one row per designation with what its money touched, and a chart of the same by
 * category. Amounts are haircut taint of forward exposures (raw integers, summed exactly per asset), each address
 * counted for the seed of its flow: "out" is what the seed's hop-1 counterparties received, "in" what its hop-1
 * funding sources sent it; exchanges, mixers and other sanctioned parties are the taint that reached such
 * addresses at any hop; "unlabelled" is the rest of "out" (kept by unlabelled addresses or gone past the horizon).
 */
final class CaseSummary {

    private CaseSummary() {}

    enum Category { EXCHANGES, MIXERS, SANCTIONED, UNLABELLED }

    /** One designation's row; each amount cell lists one line per asset ("29100 USDT"). */
    public record Row(String subject, String uid, String chain, String address, String addressUrl, String traced,
                      List<String> outbound, List<String> inbound, List<String> exchanges, List<String> mixers,
                      List<String> sanctioned, List<String> unlabelled) {}

    /** A horizontal bar per asset: the share of its "out" amount in each category. */
    public record Bar(String label, int y, List<Segment> segments) {}

    public record Segment(int x, int width, String css, String title) {}

    public record Chart(int width, int height, List<Bar> bars) {}

    static final int CHART_WIDTH = 520, BAR_X = 110, BAR_WIDTH = 400, BAR_HEIGHT = 16, BAR_GAP = 8;

    /** Sums per seed and asset. */
    private static final class Sums {
        final Map<String, BigInteger> out = new LinkedHashMap<>(), in = new LinkedHashMap<>();
        final Map<Category, Map<String, BigInteger>> byCategory = new HashMap<>();

        void add(Map<String, BigInteger> m, String asset, BigInteger v) { m.merge(asset, v, BigInteger::add); }

        Map<String, BigInteger> of(Category c) { return byCategory.computeIfAbsent(c, k -> new LinkedHashMap<>()); }

        Map<String, BigInteger> unlabelled() {
            Map<String, BigInteger> rest = new LinkedHashMap<>();
            out.forEach((asset, total) -> {
                BigInteger r = total;
                for (Category c : List.of(Category.EXCHANGES, Category.MIXERS, Category.SANCTIONED)) {
                    r = r.subtract(of(c).getOrDefault(asset, BigInteger.ZERO));
                }
                rest.put(asset, r.max(BigInteger.ZERO));
            });
            return rest;
        }
    }

    /** An asset's symbol and decimals, from the coverage (chain|asset). */
    record Unit(String symbol, int decimals) {}

    static Map<String, Unit> units(RunReport r) {
        Map<String, Unit> units = new HashMap<>();
        if (r.coverage() == null) return units;
        for (var c : nz(r.coverage().chains())) {
            for (var a : nz(c.assets())) {
                units.put(c.chain() + "|" + a.asset(), new Unit(blank(a.symbol()) ? a.asset() : a.symbol(), a.decimals()));
            }
        }
        return units;
    }

    static List<Row> rows(RunReport r, ExplorerLinks links) {
        Map<String, Unit> units = units(r);
        Set<String> designated = new HashSet<>();
        nz(r.designations()).forEach(d -> designated.add(key(d.chain(), d.address())));
        Map<String, Sums> bySeed = sums(r, designated);
        List<Row> rows = new ArrayList<>();
        for (DesignationRow d : nz(r.designations())) {
            Sums s = bySeed.getOrDefault(key(d.chain(), d.address()), new Sums());
            String traced = d.traced() ? (d.seed() ? "traced" : "not a seed") : "not traced" + (blank(d.notTracedReason()) ? "" : ": " + d.notTracedReason());
            rows.add(new Row(text(d.subject()), text(d.sdnUid()), text(d.chain()), displayAddress(d.address()),
                    links.address(d.chain(), d.address()), traced, lines(d.chain(), s.out, units),
                    lines(d.chain(), s.in, units), lines(d.chain(), s.of(Category.EXCHANGES), units),
                    lines(d.chain(), s.of(Category.MIXERS), units), lines(d.chain(), s.of(Category.SANCTIONED), units),
                    lines(d.chain(), s.unlabelled(), units)));
        }
        return rows;
    }

    private static Map<String, Sums> sums(RunReport r, Set<String> designated) {
        if (r.exposureTotals() != null) return sums(r.exposureTotals());
        Map<String, Sums> bySeed = new HashMap<>();
        for (ExposureRow e : nz(r.exposures())) {
            if (blank(e.seed()) || blank(e.taintedAmountRaw())) continue;
            BigInteger v = raw(e.taintedAmountRaw());
            if (v.signum() <= 0) continue;
            Sums s = bySeed.computeIfAbsent(key(e.chain(), e.seed()), k -> new Sums());
            boolean forward = "forward".equals(e.direction());
            if (e.hops() == 1) s.add(forward ? s.out : s.in, e.asset(), v);
            if (!forward) continue;
            Category c = category(e, designated);
            if (c != null) s.add(s.of(c), e.asset(), v);
        }
        return bySeed;
    }

    /** The same sums from totals the database made (ExposureDao.totals). */
    private static Map<String, Sums> sums(List<RunReport.ExposureTotal> totals) {
        Map<String, Sums> bySeed = new HashMap<>();
        for (RunReport.ExposureTotal t : totals) {
            BigInteger v = raw(t.amountRaw());
            if (v.signum() <= 0) continue;
            Sums s = bySeed.computeIfAbsent(key(t.chain(), t.seed()), k -> new Sums());
            boolean forward = "forward".equals(t.direction());
            if (t.firstHop()) s.add(forward ? s.out : s.in, t.asset(), v);
            if (!forward || t.kind() == null) continue;
            Category c = switch (t.kind()) {
                case "sanctioned" -> Category.SANCTIONED;
                case "exchange" -> Category.EXCHANGES;
                case "mixer" -> Category.MIXERS;
                default -> null;
            };
            if (c != null) s.add(s.of(c), t.asset(), v);
        }
        return bySeed;
    }

    private static Category category(ExposureRow e, Set<String> designated) {
        if (designated.contains(key(e.chain(), e.address()))) return Category.SANCTIONED;
        if ("exchange".equalsIgnoreCase(e.category())) return Category.EXCHANGES;
        if ("mixer".equalsIgnoreCase(e.category())) return Category.MIXERS;
        return null;
    }

    /** The chart: one bar per (chain, asset) with taint out of the seeds, split by category. */
    static Chart chart(RunReport r) {
        Map<String, Unit> units = units(r);
        Set<String> designated = new HashSet<>();
        nz(r.designations()).forEach(d -> designated.add(key(d.chain(), d.address())));
        Map<String, Sums> perChain = new LinkedHashMap<>();
        for (var entry : sums(r, designated).entrySet()) {
            String chain = entry.getKey().substring(0, entry.getKey().indexOf('|'));
            Sums total = perChain.computeIfAbsent(chain, k -> new Sums());
            Sums s = entry.getValue();
            s.out.forEach((a, v) -> total.add(total.out, a, v));
            for (Category c : Category.values()) s.of(c).forEach((a, v) -> total.add(total.of(c), a, v));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (var chain : perChain.entrySet()) {
            Sums s = chain.getValue();
            Map<String, BigInteger> rest = s.unlabelled();
            for (var asset : s.out.entrySet()) {
                BigInteger total = asset.getValue();
                if (total.signum() <= 0) continue;
                Unit u = units.getOrDefault(chain.getKey() + "|" + asset.getKey(), new Unit(asset.getKey(), 0));
                List<Segment> segments = new ArrayList<>();
                int x = BAR_X;
                for (Category c : Category.values()) {
                    BigInteger part = c == Category.UNLABELLED ? rest.getOrDefault(asset.getKey(), BigInteger.ZERO)
                            : s.of(c).getOrDefault(asset.getKey(), BigInteger.ZERO);
                    if (part.signum() <= 0) continue;
                    // pixel widths only: the amounts themselves stay exact in the table
                    int w = part.multiply(BigInteger.valueOf(BAR_WIDTH)).divide(total).min(BigInteger.valueOf(BAR_X + BAR_WIDTH - x)).intValue();
                    if (w <= 0) continue;
                    segments.add(new Segment(x, w, "cat-" + c.name().toLowerCase(),
                            c.name().toLowerCase() + ": " + amount(part.toString(), u.decimals()) + " " + u.symbol()));
                    x += w;
                }
                bars.add(new Bar(u.symbol() + " (" + chain.getKey() + ")", y, segments));
                y += BAR_HEIGHT + BAR_GAP;
            }
        }
        return new Chart(CHART_WIDTH, Math.max(y, 1), bars);
    }

    private static List<String> lines(String chain, Map<String, BigInteger> amounts, Map<String, Unit> units) {
        List<String> out = new ArrayList<>();
        amounts.forEach((asset, v) -> {
            if (v.signum() <= 0) return;
            Unit u = units.getOrDefault(chain + "|" + asset, new Unit(asset, 0));
            out.add(amount(v.toString(), u.decimals()) + " " + u.symbol());
        });
        return out;
    }

    private static BigInteger raw(String s) {
        try {
            return new BigDecimal(s.strip()).toBigInteger();
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    /** "23 of 23 designated addresses on chains this job traces", and which are not and why. */
    static String coverage(RunReport r) {
        List<DesignationRow> all = nz(r.designations());
        long traced = all.stream().filter(DesignationRow::traced).count();
        StringBuilder s = new StringBuilder(traced + " of " + all.size() + " designated addresses are on chains this job traces");
        Map<String, Integer> reasons = new LinkedHashMap<>();
        all.stream().filter(d -> !d.traced()).forEach(d -> reasons.merge(
                text(d.currency()) + (blank(d.notTracedReason()) ? "" : ", " + d.notTracedReason()), 1, Integer::sum));
        if (!reasons.isEmpty()) {
            List<String> parts = new ArrayList<>();
            reasons.forEach((why, n) -> parts.add(n + " " + why));
            s.append("; not traced: ").append(String.join("; ", parts));
        }
        return s.append('.').toString();
    }
}
