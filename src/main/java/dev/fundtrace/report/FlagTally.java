package dev.fundtrace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run's summary says of its flags, counted as they pass: how many of each severity, which are new since
 * the last run (how many of them HIGH), how many a current review covers, and the first few in report order.
 */
public final class FlagTally {

    /** How many flags the one-screen summary names. */
    public static final int FIRST = 12;

    private final Map<String, Integer> bySeverity = new LinkedHashMap<>();
    private final IdList newIds = new IdList();
    private final List<RunReport.FlagRow> first = new ArrayList<>();
    private int count, newHigh, reviewed;

    public FlagTally() {
        for (String s : List.of("HIGH", "MEDIUM", "LOW")) bySeverity.put(s, 0);
    }

    /** The tally of flags held in memory. */
    public static FlagTally of(List<RunReport.FlagRow> flags) {
        FlagTally t = new FlagTally();
        flags.forEach(t::add);
        return t;
    }

    public void add(RunReport.FlagRow f) {
        count++;
        bySeverity.merge(f.severity(), 1, Integer::sum);
        if (f.newSinceLastRun()) {
            newIds.add(f.id());
            if ("HIGH".equals(f.severity())) newHigh++;
        }
        if (f.review() != null && f.review().current()) reviewed++;
        if (first.size() < FIRST) first.add(f);
    }

    public int count() { return count; }

    public Map<String, Integer> bySeverity() { return bySeverity; }

    public IdList newIds() { return newIds; }

    public int newHigh() { return newHigh; }

    /** How many flags a review covers as they stand (reviewed, not new). */
    public int reviewed() { return reviewed; }

    public List<RunReport.FlagRow> first() { return first; }
}
