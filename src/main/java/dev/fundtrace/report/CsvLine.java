package dev.fundtrace.report;

import java.io.IOException;
import java.io.Writer;

/**
 * One RFC 4180 record built in a reused buffer and written in one call, quoted exactly as commons-csv's
 * {@code CSVFormat.RFC4180} quotes (its minimal mode): a cell is quoted when it holds a quote, comma, CR or LF,
 * starts with a character up to '#' or ends with one up to a space, or is an empty first cell; quotes inside are
 * doubled. flagged-flows.csv has a row per flag, hundreds of thousands on a large night, where the library's
 * character-by-character printing was most of the report's time.
 */
final class CsvLine {

    private final StringBuilder line = new StringBuilder(1024);
    private boolean first = true;

    /** A cell; null is written as nothing, unquoted. */
    CsvLine cell(String s) {
        if (!first) line.append(',');
        boolean firstCell = first;
        first = false;
        if (s == null) return this;
        if (needsQuotes(s, firstCell)) {
            line.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') line.append('"');
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(s);
        }
        return this;
    }

    CsvLine cell(long v) {
        return cell(Long.toString(v));
    }

    CsvLine cell(boolean v) {
        return cell(Boolean.toString(v));
    }

    private static boolean needsQuotes(String s, boolean firstCell) {
        int n = s.length();
        if (n == 0) return firstCell;
        if (s.charAt(0) <= '#') return true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') return true;
        }
        return s.charAt(n - 1) <= ' ';
    }

    /** Ends the record (CRLF), writes it and empties the buffer for the next. */
    void writeTo(Writer out) throws IOException {
        line.append("\r\n");
        out.append(line);
        line.setLength(0);
        first = true;
    }
}
