package dev.fundtrace.review;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodecs;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.rules.Rule;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads reviews.csv: header {@code rule,chain,address,seed,decision,reviewer,date,note[,asset]}, columns found by
 * name, other columns ignored. A bad row is refused with file, line and reason (it goes to rejected.csv) and costs
 * nothing else: its finding is simply not marked reviewed. The whole file is one RFC 4180 text, so that a note
 * may hold line breaks, as a spreadsheet writes them; a quote left open refuses the rest of the file from its line.
 */
public final class ReviewFileReader {

    static final List<String> REQUIRED = List.of("rule", "chain", "address", "seed", "decision", "reviewer", "date", "note");
    private static final String HEADER = String.join(",", REQUIRED) + "[,asset]";
    private static final Pattern TOKEN = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(false).get();

    public record Result(List<Review> reviews, List<Rejection> rejections) {}

    /** Parses the bytes of the file {@code name} (read once by the caller, who also takes their digest). */
    public Result parse(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Review> reviews = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = csv.iterator();
            Map<String, Integer> columns = null;
            int width = 0;
            long line = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejected.add(new Rejection(name, line, "a quoted field is not closed: the rows from this line on are not read", ""));
                    break;
                }
                long at = line;
                line = csv.getCurrentLineNumber() + 1;
                List<String> fields = record.toList();
                if (fields.size() == 1 && fields.getFirst().isEmpty()) continue; // a blank line
                if (columns == null) {
                    Map<String, Integer> found = header(fields);
                    columns = found;
                    width = fields.size();
                    String missing = REQUIRED.stream().filter(c -> !found.containsKey(c)).findFirst().orElse(null);
                    if (missing != null) {
                        rejected.add(new Rejection(name, at, "missing column '" + missing + "' (header must be " + HEADER
                                + "): no review is read", String.join(",", fields)));
                        break;
                    }
                    continue;
                }
                String reason = null;
                Review review = null;
                if (fields.size() != width) {
                    reason = "expected " + width + " fields, found " + fields.size();
                } else {
                    try {
                        review = review(name, at, fields, columns);
                    } catch (IllegalArgumentException e) {
                        reason = e.getMessage();
                    }
                }
                if (reason != null) rejected.add(new Rejection(name, at, reason, String.join(",", fields)));
                else reviews.add(review);
            }
            if (columns == null && rejected.isEmpty()) {
                rejected.add(new Rejection(name, 1, "empty file: the header must be " + HEADER, ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read reviews: " + e.getMessage(), e);
        }
        return new Result(reviews, rejected);
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) columns.putIfAbsent(fields.get(i).toLowerCase(Locale.ROOT), i);
        return columns;
    }

    /** One row as a review, or IllegalArgumentException with the sentence that says what is wrong. */
    private static Review review(String name, long line, List<String> f, Map<String, Integer> columns) {
        String rule = f.get(columns.get("rule")).toUpperCase(Locale.ROOT);
        if (Arrays.stream(Rule.values()).noneMatch(r -> r.name().equals(rule))) {
            throw new IllegalArgumentException("rule '" + f.get(columns.get("rule")) + "' is not a rule of fundtrace (see report.md's rule identifiers)");
        }
        Chain chain;
        try {
            chain = Chain.fromId(f.get(columns.get("chain")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String address = address(chain, f.get(columns.get("address")), "address");
        String seedText = f.get(columns.get("seed"));
        String seed = seedText.isBlank() ? "" : address(chain, seedText, "seed");
        Decision decision = Decision.of(f.get(columns.get("decision")));
        if (decision == null) {
            throw new IllegalArgumentException("decision '" + f.get(columns.get("decision")) + "' is not one of " + Decision.words());
        }
        String reviewer = f.get(columns.get("reviewer"));
        if (reviewer.isBlank()) throw new IllegalArgumentException("no reviewer: a review names who made it");
        LocalDate date;
        try {
            date = LocalDate.parse(f.get(columns.get("date")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + f.get(columns.get("date")) + "' is not a date yyyy-MM-dd");
        }
        String asset = null;
        if (columns.containsKey("asset") && !f.get(columns.get("asset")).isBlank()) {
            String a = f.get(columns.get("asset"));
            // a token by its contract address, lower-case as flags name it; a chain's own asset by its symbol
            asset = TOKEN.matcher(a).matches() ? a.toLowerCase(Locale.ROOT) : a.toUpperCase(Locale.ROOT);
        }
        return new Review(rule, chain.id(), asset, address, seed, decision, reviewer, date, f.get(columns.get("note")), name, line);
    }

    /** The address in the form flags carry it (Ethereum lower-case; a checksummed form from the page is fine). */
    private static String address(Chain chain, String text, String column) {
        AddressCheck check = AddressCodecs.check(chain.currency(), text);
        if (!check.valid()) throw new IllegalArgumentException(column + " '" + text + "': " + check.reason());
        return check.normalized();
    }
}
