package dev.fundtrace.rejects;

/**
 * One input record that was refused: where it came from, why, and what it said.
 * Everything that refuses input produces these; they end up in {@code rejected.csv}.
 *
 * @param source file name (or node URL without credentials) the record came from
 * @param line   1-based line number, or another position such as a block number, or 0 when unknown
 * @param reason one plain sentence
 * @param record the raw record text, shortened, for the operator to find it
 */
public record Rejection(String source, long line, String reason, String record) {

    private static final int MAX_RECORD_CHARS = 300;

    public Rejection {
        if (record != null && record.length() > MAX_RECORD_CHARS) {
            record = record.substring(0, MAX_RECORD_CHARS) + "…";
        }
    }

    /** The message an operator reads on the console: file, line and reason. */
    public String message() {
        return source + ":" + line + ": " + reason;
    }
}
