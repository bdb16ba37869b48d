package dev.fundtrace.batch;

import dev.fundtrace.audit.FileDigest;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.review.ReviewBook;
import dev.fundtrace.review.ReviewFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The job's reviews.csv as the report step read it: its reviews, its refused rows, and its digest (one read). */
record ReviewsRead(ReviewBook book, List<Rejection> rejections, FileDigest digest) {

    static ReviewsRead of(JobDefinition job, LocalDate runDate) {
        if (job.reviews() == null) return new ReviewsRead(ReviewBook.EMPTY, List.of(), null);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(job.reviews());
        } catch (IOException e) {
            throw new UncheckedIOException("reviews: cannot read " + job.reviews() + ": " + e.getMessage(), e);
        }
        var read = new ReviewFileReader().parse(job.reviews().getFileName().toString(), bytes);
        return new ReviewsRead(new ReviewBook(read.reviews(), runDate), read.rejections(),
                FileDigest.ofBytes(job.reviews().toAbsolutePath().normalize().toString(), bytes));
    }

    /** What an analyst must know about the reviews: those that apply to nothing, or not yet, or no longer in full. */
    List<String> warnings(FlagReviews.Marked marked) {
        List<String> out = new ArrayList<>();
        if (marked.outdated() > 0) {
            out.add(marked.outdated() + " reviewed flag" + (marked.outdated() == 1 ? " has" : "s have")
                    + " evidence newer than the review: counted as unreviewed until reviewed again");
        }
        if (marked.unmatched() > 0) {
            out.add("reviews.csv: " + marked.unmatched() + " review" + (marked.unmatched() == 1 ? " matches" : "s match")
                    + " no flag of this run (check its rule, chain, asset, address and seed)");
        }
        if (book.datedAfterTheRun() > 0) {
            out.add("reviews.csv: " + book.datedAfterTheRun() + " review" + (book.datedAfterTheRun() == 1 ? " is" : "s are")
                    + " dated after the run date and " + (book.datedAfterTheRun() == 1 ? "was" : "were") + " not applied");
        }
        return out;
    }
}
