package dev.fundtrace.designation;

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
import java.util.List;

/**
 * Reads a CSV file one physical line at a time and parses each line on its own with commons-csv.
 * OFAC's files keep every record on one line, and some real rows have broken quoting: parsing per
 * line lets such a row become a rejection while the rest of the file is still read.
 */
final class CsvLines {

    /** Ctrl-Z: OFAC's legacy files end with it, a DOS end-of-file marker, not a record. */
    private static final String EOF_MARKER = "\u001A";

    /** One non-blank line: its fields, or the reason it could not be parsed. */
    record Line(long number, String text, List<String> fields, String error) {
        boolean ok() { return error == null; }
    }

    private CsvLines() {}

    static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        // InputStreamReader replaces undecodable bytes instead of failing the whole file
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String text;
            long number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                String content = text.replace(EOF_MARKER, "");
                if (content.isBlank()) continue;
                lines.add(parse(number, content));
            }
        } catch (IOException e) {
            throw new DesignationFileException(file.getFileName().toString(), "cannot be read: " + e.getMessage(), e);
        }
        return lines;
    }

    static Line parse(long number, String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) return new Line(number, text, List.of(), "expected one record on the line, found " + records.size());
            return new Line(number, text, records.getFirst().toList(), null);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Line(number, text, List.of(), "CSV quoting problem: " + e.getMessage());
        }
    }

    /** OFAC writes null as "-0- " (with a trailing space); both that and blanks become null. */
    static String value(String raw) {
        if (raw == null) return null;
        String trimmed = raw.trim();
        return trimmed.isEmpty() || trimmed.equals("-0-") ? null : trimmed;
    }
}
