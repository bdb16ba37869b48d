package dev.fundtrace.batch;

import dev.fundtrace.report.FlagSource;
import dev.fundtrace.report.ReportedFlag;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.results.Findings;
import dev.fundtrace.review.Review;
import dev.fundtrace.review.ReviewBook;
import dev.fundtrace.rules.FlagKey;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Marks the flags of a report that reviews.csv reviewed. A review covers its finding with the evidence the reviewer
 * could see: that of the latest completed run dated on or before the review. While the flag's evidence is no more
 * than that, the flag is reviewed and not new (no exit 3); once a transaction joins it, the review is outdated and the
 * flag counts as if unreviewed, its review and the new transactions shown beside it.
 *
 * <p>The flags pass as a stream (a large night's are not held): one pass finds the reviewed ones, whose marks are
 * then kept by finding (as many as reviews.csv has rows) and put on the flags as they pass again.
 */
@Component
class FlagReviews {

    private final RunDao runDao;
    private final TraceDao traceDao;
    private final FlagDao legacy;
    private final RunFiles files;

    FlagReviews(RunDao runDao, TraceDao traceDao, FlagDao legacy, RunFiles files) {
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.legacy = legacy;
        this.files = files;
    }

    /**
     * What marking found: the flags as marked, and the counts the report's warnings state.
     *
     * @param marks every mark put on a flag, as one text ("" when none): two nights with the same flags and the same
     *              marks render their flags the same
     */
    record Marked(FlagSource flags, int reviewed, int outdated, int unmatched, String marks) {

        /** The marked flags' rows, for a report held in memory. */
        List<RunReport.FlagRow> rows() {
            List<RunReport.FlagRow> out = new ArrayList<>();
            flags.forEach(f -> out.add(f.row()));
            return out;
        }
    }

    /** The flags of a report held in memory, marked. */
    Marked mark(String job, long runId, List<RunReport.FlagRow> flags, ReviewBook book) {
        return mark(job, runId, FlagSource.of(flags, List.of()), book);
    }

    Marked mark(String job, long runId, FlagSource flags, ReviewBook book) {
        if (book.all().isEmpty()) return new Marked(flags, 0, 0, 0, "");
        // the pass that finds the reviewed flags: their review and tonight's evidence, by finding
        Map<String, Reviewed> reviewedFlags = new HashMap<>();
        Set<Review> used = new HashSet<>();
        flags.forEach(f -> {
            RunReport.FlagRow g = f.row();
            book.find(g.rule(), g.chain(), g.asset(), g.address(), g.seed()).ifPresent(r -> {
                used.add(r);
                reviewedFlags.put(key(g), new Reviewed(r, g.evidence()));
            });
        });
        // the run each review date compares with, and that run's evidence of the reviewed findings, read once per date
        Map<LocalDate, List<String>> keysByDate = new TreeMap<>();
        reviewedFlags.forEach((key, f) -> keysByDate.computeIfAbsent(f.review().date(), d -> new ArrayList<>()).add(key));
        Map<String, RunReport.Review> marks = new HashMap<>();
        int reviewed = 0, outdated = 0;
        for (var date : keysByDate.entrySet()) {
            Optional<RunDao.RunRow> seen = runDao.previousCompleted(job, runId, date.getKey().plusDays(1));
            Map<String, List<String>> evidenceThen = seen.map(p -> evidenceOf(p, date.getValue())).orElse(Map.of());
            for (String key : date.getValue()) {
                Reviewed f = reviewedFlags.get(key);
                Review r = f.review();
                List<String> before = evidenceThen.get(key);
                List<String> since = before == null ? List.of() : f.evidence().stream().filter(h -> !before.contains(h)).toList();
                marks.put(key, new RunReport.Review(r.decision().word(), r.reviewer(), r.date().toString(), r.note(),
                        r.source() + ":" + r.line(), before == null ? null : seen.get().runDate().toString(), since,
                        since.isEmpty()));
                if (since.isEmpty()) reviewed++;
                else outdated++;
            }
        }
        int unmatched = (int) book.all().stream().filter(r -> !used.contains(r)).count();
        FlagSource marked = each -> flags.forEach(f -> {
            RunReport.Review review = marks.get(key(f.row()));
            each.accept(review == null ? f : new ReportedFlag(f.row().reviewed(review), f.amountRaw(), f.decimals()));
        });
        StringBuilder marksText = new StringBuilder();
        new TreeMap<>(marks).forEach((key, review) -> marksText.append(key).append('\n').append(review).append('\n'));
        return new Marked(marked, reviewed, outdated, unmatched, marksText.toString());
    }

    private record Reviewed(Review review, List<String> evidence) {}

    /** The evidence run {@code run} had of the findings {@code keys}: from its trace's findings, or its flag rows. */
    private Map<String, List<String>> evidenceOf(RunDao.RunRow run, Collection<String> keys) {
        Findings findings = files.findings(traceDao.sourceOf(run.runId()));
        if (!findings.exist()) return legacy.evidenceByKey(run.runId()); // a run of an earlier version
        long[] hashes = keys.stream().mapToLong(FlagKey::hash).sorted().toArray();
        Map<String, List<String>> out = new HashMap<>();
        findings.only(k -> Arrays.binarySearch(hashes, k) >= 0, k -> false)
                .forEach(f -> out.put(key(f.row()), f.row().evidence()));
        return out;
    }

    /** A flag row's identity, as {@link dev.fundtrace.rules.Flag#key()} and FlagDao spell it. */
    private static String key(RunReport.FlagRow f) {
        return f.rule() + "|" + f.chain() + "|" + f.asset() + "|" + f.address() + "|" + (f.seed() == null ? "" : f.seed());
    }
}
