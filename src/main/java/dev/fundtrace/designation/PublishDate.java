package dev.fundtrace.designation;

/**
 * When a sanctions list says it was published, taken from the file itself.
 *
 * @param date     {@code yyyy-MM-dd}, or as written when it is not a date; null when the file states none
 * @param statedIn the element it came from, or {@link #NOT_STATED}
 */
public record PublishDate(String date, String statedIn) {

    public static final String NOT_STATED = "not stated in the file";

    public static PublishDate notStated() {
        return new PublishDate(null, NOT_STATED);
    }
}
