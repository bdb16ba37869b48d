package dev.fundtrace.review;

import java.time.LocalDate;

/**
 * One row of reviews.csv: a reviewer's decision about a finding, named by its identity (rule, chain, asset,
 * address, seed), the same that makes two nights' flags one finding.
 *
 * @param asset   null when the row names none: the review covers the finding in every asset
 * @param seed    empty for a flag that has no seed
 * @param line    where it is in the file, for the outputs to point at
 */
public record Review(String rule, String chain, String asset, String address, String seed, Decision decision,
                     String reviewer, LocalDate date, String note, String source, long line) {

    /** The identity of the finding it covers without its asset, as {@link ReviewBook} looks it up. */
    String keyWithoutAsset() {
        return rule + "|" + chain + "|" + address + "|" + seed;
    }
}
