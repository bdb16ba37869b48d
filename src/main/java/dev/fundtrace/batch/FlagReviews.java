package dev.fundtrace.batch;

import dev.fundtrace.report.RunReport;
import dev.fundtrace.review.Review;
import dev.fundtrace.review.ReviewBook;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.RunDao;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Marks the flags of a report that reviews.csv reviewed. A review covers its finding with the evidence the reviewer
 * could see: that of the latest completed run dated on or before the review. While the flag's evidence is no more
 * than that, the flag is reviewed and not new (no exit 3); once a transaction joins it, the review is outdated and the
 * flag counts as if unreviewed, its review and the new transactions shown beside it.
 */
@Component
class FlagReviews {

    private final RunDao runDao;
    private final FlagDao flagDao;

    FlagReviews(RunDao runDao, FlagDao flagDao) {
        this.runDao = runDao;
        this.flagDao = flagDao;
    }

    /** What marking found, for the report's warnings. */
    record Marked(List<RunReport.FlagRow> flags, int reviewed, int outdated, int unmatched) {}

    Marked mark(String job, long runId, List<RunReport.FlagRow> flags, ReviewBook book) {
        // the run each review date compares with, and that run's evidence per finding, read once per date
        Map<LocalDate, Optional<Seen>> seenOn = new HashMap<>();
        Set<Review> used = new HashSet<>();
        List<RunReport.FlagRow> out = new ArrayList<>(flags.size());
        int reviewed = 0, outdated = 0;
        for (RunReport.FlagRow f : flags) {
            Optional<Review> review = book.find(f.rule(), f.chain(), f.asset(), f.address(), f.seed());
            if (review.isEmpty()) {
                out.add(f);
                continue;
            }
            Review r = review.get();
            used.add(r);
            Optional<Seen> seen = seenOn.computeIfAbsent(r.date(), d -> seen(job, runId, d));
            List<String> before = seen.map(s -> s.evidence().get(key(f))).orElse(null);
            List<String> since = before == null ? List.of() : f.evidence().stream().filter(h -> !before.contains(h)).toList();
            RunReport.FlagRow marked = f.reviewed(new RunReport.Review(r.decision().word(), r.reviewer(), r.date().toString(),
                    r.note(), r.source() + ":" + r.line(), before == null ? null : seen.get().runDate(), since, since.isEmpty()));
            if (since.isEmpty()) reviewed++;
            else outdated++;
            out.add(marked);
        }
        int unmatched = (int) book.all().stream().filter(r -> !used.contains(r)).count();
        return new Marked(out, reviewed, outdated, unmatched);
    }

    private record Seen(String runDate, Map<String, List<String>> evidence) {}

    private Optional<Seen> seen(String job, long runId, LocalDate reviewDate) {
        return runDao.previousCompleted(job, runId, reviewDate.plusDays(1))
                .map(p -> new Seen(p.runDate().toString(), flagDao.evidenceByKey(p.runId())));
    }

    /** A flag row's identity, as {@link dev.fundtrace.rules.Flag#key()} and FlagDao spell it. */
    private static String key(RunReport.FlagRow f) {
        return f.rule() + "|" + f.chain() + "|" + f.asset() + "|" + f.address() + "|" + (f.seed() == null ? "" : f.seed());
    }
}
