package dev.fundtrace.labels;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodecs;
import dev.fundtrace.ledger.Chain;

import dev.fundtrace.rejects.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code labels.csv}: header {@code address,chain,label,category[,source]}, columns found by name.
 *
 * <p>One label a line, each line parsed on its own (RFC 4180: a quoted field may hold commas and doubled quotes,
 * but not a line break). A line that cannot be parsed, such as one with an unbalanced quote, is refused by itself,
 * like any other bad row: it goes to rejected.csv with file, line and reason, and the lines around it are read.
 * (A single parser over the whole file stops at the first broken quote and cannot resume: one typo cost the night.)
 * Only a header without the required columns fails the file.
 */
public final class LabelFileReader {

    public static final Set<String> CATEGORIES =
            Set.of("exchange", "mixer", "bridge", "defi", "sanctioned", "gambling", "other");
    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final CSVFormat LINE = CSVFormat.RFC4180.builder().setTrim(true).get();

    public record Result(List<Label> labels, List<Rejection> rejections) {}

    public Result read(Path file) {
        String name = file.getFileName().toString();
        List<Label> labels = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        // InputStreamReader replaces undecodable bytes (the row is then refused or kept on its own merits)
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            Map<String, Integer> columns = null;
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank()) continue;
                List<String> fields;
                try {
                    fields = fields(text);
                } catch (IllegalArgumentException e) {
                    if (columns == null) throw new IllegalArgumentException(name + ": line " + line + ": header: " + e.getMessage(), e);
                    rejected.add(new Rejection(name, line, e.getMessage(), text));
                    continue;
                }
                if (columns == null) {
                    columns = header(name, line, fields);
                    continue;
                }
                if (fields.size() != columns.size()) {
                    rejected.add(new Rejection(name, line, "expected " + columns.size() + " fields, found " + fields.size(), text));
                    continue;
                }
                String address = fields.get(columns.get("address"));
                String chain = fields.get(columns.get("chain")).toLowerCase(Locale.ROOT);
                String category = fields.get(columns.get("category")).toLowerCase(Locale.ROOT);
                String label = fields.get(columns.get("label"));
                String reason = null;
                Chain known = known(chain);
                AddressCheck check = known == null || known.family() == Chain.Family.ACCOUNT ? null : AddressCodecs.check(known.currency(), address);
                if (known == null) reason = "unknown chain '" + chain + "' (known: " + Chain.known() + ")";
                else if (!EVM_ADDRESS.matcher(address).matches() && "ethereum".equals(chain)) reason = "address '" + address + "' is not 0x + 40 hex digits";
                else if (check != null && !check.valid()) reason = check.reason();
                else if (!CATEGORIES.contains(category)) reason = "category '" + category + "' is not one of " + CATEGORIES;
                else if (label.isBlank()) reason = "empty label";
                if (reason != null) {
                    rejected.add(new Rejection(name, line, reason, text));
                    continue;
                }
                // canonical form, as the ledger holds it: Ethereum lower-case, Base58 as written, Bech32 lower-case
                String canonical = check != null ? check.normalized() : address.toLowerCase(Locale.ROOT);
                labels.add(new Label(canonical, chain, label,
                        category, columns.containsKey("source") ? fields.get(columns.get("source")) : name));
            }
            if (columns == null) throw new IllegalArgumentException(name + ": empty file (header must be address,chain,label,category[,source])");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read labels: " + e.getMessage(), e);
        }
        return new Result(labels, rejected);
    }

    private static Chain known(String chain) {
        try {
            return Chain.fromId(chain);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Integer> header(String name, long line, List<String> fields) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) columns.putIfAbsent(fields.get(i).toLowerCase(Locale.ROOT), i);
        for (String required : List.of("address", "chain", "label", "category")) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException(name + ": line " + line + ": missing column '" + required
                        + "' (header must be address,chain,label,category[,source])");
            }
        }
        return columns;
    }

    /** The fields of one line, or IllegalArgumentException saying why it is not one CSV record. */
    static List<String> fields(String text) {
        try (CSVParser parser = CSVParser.parse(text, LINE)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) throw new IllegalArgumentException("expected one record on the line, found " + records.size());
            return records.getFirst().toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (why.contains("EOF reached before encapsulated token finished")) {
                throw new IllegalArgumentException("unbalanced quote: a quoted field is not closed on its line", e);
            }
            throw new IllegalArgumentException("CSV quoting problem: " + why.replaceFirst("^\\(line \\d+\\) ", ""), e);
        }
    }
}
