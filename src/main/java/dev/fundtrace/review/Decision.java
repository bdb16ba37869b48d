package dev.fundtrace.review;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a reviewer decided about a finding. Every decision marks the flag reviewed: it is no longer news, whatever
 * the decision (the report shows which).
 */
public enum Decision {
    /** Looked into and judged not to need action (a known customer's wallet, a false positive). */
    CLEARED,
    /** Looked into and judged real: acted on or reported. */
    CONFIRMED,
    /** Handed on for a decision by someone else; the finding is known, not new. */
    ESCALATED;

    /** The word in reviews.csv and the outputs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision a reviews.csv cell names (any case), or null. */
    static Decision of(String text) {
        return Arrays.stream(values()).filter(d -> d.word().equalsIgnoreCase(text.strip())).findFirst().orElse(null);
    }

    static String words() {
        return String.join(", ", Arrays.stream(values()).map(Decision::word).toList());
    }
}
