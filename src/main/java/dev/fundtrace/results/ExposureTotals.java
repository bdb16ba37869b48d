package dev.fundtrace.results;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Page one's per-designation amounts, summed exactly while the exposures are written: the taint of each seed's
 * exposures per asset, direction, hop 1 or not, and kind of address reached ("sanctioned" for another designated
 * address, "exchange" or "mixer" by label category, none otherwise). Exposures without taint or seed count nowhere.
 */
final class ExposureTotals {

    private record Key(String chain, String seed, String asset, String direction, boolean firstHop, String kind) {}

    private final Set<String> designated;
    private final Map<Key, BigInteger> sums = new LinkedHashMap<>();

    /** @param designated the designated addresses (canonical form): exposures there are "sanctioned" */
    ExposureTotals(Collection<String> designated) {
        this.designated = new HashSet<>(designated);
    }

    void add(Exposure e) {
        if (e.seed() == null || e.taintedAmountRaw().signum() <= 0) return;
        String category = e.category() == null ? null : e.category().toLowerCase(Locale.ROOT);
        String kind = designated.contains(e.address()) ? "sanctioned"
                : "exchange".equals(category) || "mixer".equals(category) ? category : null;
        Key k = new Key(e.chain(), e.seed(), e.asset(), e.direction() == Direction.FORWARD ? "forward" : "backward",
                e.hops() == 1, kind);
        sums.merge(k, e.taintedAmountRaw(), BigInteger::add);
    }

    List<RunReport.ExposureTotal> rows() {
        List<RunReport.ExposureTotal> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new RunReport.ExposureTotal(k.chain(), k.seed(), k.asset(), k.direction(),
                k.firstHop(), k.kind(), v.toString())));
        return out;
    }
}
