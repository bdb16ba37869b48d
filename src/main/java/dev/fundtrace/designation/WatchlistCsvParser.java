package dev.fundtrace.designation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an in-house watchlist CSV: header address,currency,subject[,source] in any order and case.
 * Watchlists carry no OFAC uid or programs; a row's source column, when given, names where it came from.
 */
final class WatchlistCsvParser {

    static final List<String> REQUIRED = List.of("address", "currency", "subject");

    private WatchlistCsvParser() {}

    static DesignationFile parse(Path file) {
        String fileName = file.getFileName().toString();
        DesignationCollector out = new DesignationCollector(fileName);
        List<CsvLines.Line> lines = CsvLines.read(file);
        if (lines.isEmpty() || !lines.getFirst().ok()) {
            throw new DesignationFileException(fileName, "watchlist CSV has no readable header line");
        }
        Map<String, Integer> column = columns(lines.getFirst().fields());
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                throw new DesignationFileException(fileName, "watchlist CSV header lacks the column '" + required + "'");
            }
        }
        for (CsvLines.Line line : lines.subList(1, lines.size())) {
            if (!line.ok()) {
                out.reject(line.number(), line.error(), line.text());
                continue;
            }
            List<String> f = line.fields();
            String address = field(f, column.get("address"));
            String currency = field(f, column.get("currency"));
            String subject = field(f, column.get("subject"));
            if (address == null || currency == null || subject == null) {
                out.reject(line.number(), "address, currency and subject are all required", line.text());
                continue;
            }
            String source = column.containsKey("source") ? field(f, column.get("source")) : null;
            out.add(new DesignationCollector.Party(subject, null, List.of()), currency, address, line.number(),
                    source != null ? source : fileName);
        }
        return out.result(DesignationFormat.WATCHLIST_CSV);
    }

    /** Header name (trimmed, lower-case) -> column index. */
    static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        return column;
    }

    private static String field(List<String> fields, int index) {
        if (index >= fields.size()) return null;
        String value = fields.get(index).trim();
        return value.isEmpty() ? null : value;
    }
}
