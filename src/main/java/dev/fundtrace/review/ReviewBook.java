package dev.fundtrace.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviews a run applies, by the finding they cover. A finding reviewed more than once takes its newest review
 * (the later line on the same date); a review naming the asset wins over one that names none.
 */
public final class ReviewBook {

    public static final ReviewBook EMPTY = new ReviewBook(List.of(), null);

    private final Map<String, Review> byAsset = new HashMap<>(), anyAsset = new HashMap<>();
    private final int notYet;

    /** @param runDate reviews dated after it are not applied (a rerun of an earlier night sees the reviews it had) */
    public ReviewBook(List<Review> reviews, LocalDate runDate) {
        int later = 0;
        for (Review r : reviews) {
            if (runDate != null && r.date().isAfter(runDate)) {
                later++;
                continue;
            }
            Map<String, Review> index = r.asset() == null ? anyAsset : byAsset;
            String key = r.asset() == null ? r.keyWithoutAsset() : r.keyWithoutAsset() + "|" + r.asset();
            index.merge(key, r, (old, now) -> now.date().isBefore(old.date()) ? old : now);
        }
        this.notYet = later;
    }

    /** The review of the finding (rule, chain, asset, address, seed), if there is one. */
    public Optional<Review> find(String rule, String chain, String asset, String address, String seed) {
        String key = rule + "|" + chain + "|" + address + "|" + (seed == null ? "" : seed);
        Review exact = byAsset.get(key + "|" + asset);
        return Optional.ofNullable(exact != null ? exact : anyAsset.get(key));
    }

    /** How many reviews are dated after the run date and were left out. */
    public int datedAfterTheRun() {
        return notYet;
    }

    /** Every review applied, for telling which matched no flag. */
    public List<Review> all() {
        List<Review> all = new ArrayList<>(byAsset.values());
        all.addAll(anyAsset.values());
        return all;
    }
}
