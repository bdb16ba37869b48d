package dev.fundtrace.store;

import java.util.Arrays;
import java.util.List;

/** How values fit the columns: text cut to a column's width, lists kept as one ';'-separated column. */
final class Columns {

    private Columns() {}

    /** A message or explanation longer than its column is cut (with an ellipsis) rather than refused. */
    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }
}
