package dev.fundtrace.labels;

import dev.fundtrace.rejects.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code labels.csv}: header {@code address,chain,label,category[,source]}, columns found by name. */
public final class LabelFileReader {

    public static final Set<String> CATEGORIES =
            Set.of("exchange", "mixer", "bridge", "defi", "sanctioned", "gambling", "other");
    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public record Result(List<Label> labels, List<Rejection> rejections) {}

    public Result read(Path file) {
        String name = file.getFileName().toString();
        List<Label> labels = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, format)) {
            for (String required : List.of("address", "chain", "label", "category")) {
                if (!csv.getHeaderMap().containsKey(required)) {
                    throw new IllegalArgumentException(name + ": line 1: missing column '" + required
                            + "' (header must be address,chain,label,category[,source])");
                }
            }
            boolean hasSource = csv.getHeaderMap().containsKey("source");
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                if (!r.isConsistent()) {
                    rejected.add(new Rejection(name, line, "expected " + csv.getHeaderMap().size() + " fields, found " + r.size(), String.join(",", r.values())));
                    continue;
                }
                String address = r.get("address"), chain = r.get("chain").toLowerCase(), category = r.get("category").toLowerCase();
                String reason = null;
                if (!EVM_ADDRESS.matcher(address).matches() && "ethereum".equals(chain)) reason = "address '" + address + "' is not 0x + 40 hex digits";
                else if (!CATEGORIES.contains(category)) reason = "category '" + category + "' is not one of " + CATEGORIES;
                else if (r.get("label").isBlank()) reason = "empty label";
                if (reason != null) {
                    rejected.add(new Rejection(name, line, reason, String.join(",", r.values())));
                    continue;
                }
                labels.add(new Label("ethereum".equals(chain) ? address.toLowerCase() : address, chain, r.get("label"),
                        category, hasSource ? r.get("source") : name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read labels: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV: " + e.getMessage(), e);
        }
        return new Result(labels, rejected);
    }
}
