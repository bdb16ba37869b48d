package dev.fundtrace.designation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OFAC's legacy sdn.csv (12 columns, no header) and, when it sits beside it, sdn_comments.csv:
 * sdn.csv cuts Remarks at 1000 characters, even mid-word, and the rest lives in sdn_comments.csv.
 * add.csv and alt.csv hold no addresses and are not needed for designations.
 */
final class SdnCsvParser {

    static final int COLUMNS = 12;
    private static final int ENT_NUM = 0;
    private static final int NAME = 1;
    private static final int PROGRAM = 3;
    private static final int REMARKS = 11;

    private SdnCsvParser() {}

    static DesignationFile parse(Path file) {
        DesignationCollector out = new DesignationCollector(file.getFileName().toString());
        Map<String, String> continuations = readComments(file, out);
        for (CsvLines.Line line : CsvLines.read(file)) {
            if (!line.ok()) {
                out.reject(line.number(), line.error(), line.text());
                continue;
            }
            List<String> f = line.fields();
            if (f.size() != COLUMNS) {
                out.reject(line.number(), "expected " + COLUMNS + " fields, found " + f.size(), line.text());
                continue;
            }
            String entNum = CsvLines.value(f.get(ENT_NUM));
            if (entNum == null || !entNum.chars().allMatch(Character::isDigit)) {
                out.reject(line.number(), "ent_num '" + f.get(ENT_NUM) + "' is not a number", line.text());
                continue;
            }
            // not trimmed, and joined with no separator: the 1000-character cut can fall inside a word
            // ("...Addres" + "s - ETH 0x...") or right after a space that must survive the join
            String remarks = CsvLines.value(f.get(REMARKS)) == null ? "" : f.get(REMARKS);
            String full = remarks + continuations.getOrDefault(entNum, "");
            var party = new DesignationCollector.Party(CsvLines.value(f.get(NAME)), entNum, programs(f.get(PROGRAM)));
            for (RemarksAddresses.Found found : RemarksAddresses.find(full)) {
                out.add(party, found.currency(), found.address(), line.number());
            }
        }
        // sdn.csv has no publication date; its comments file is an input too
        Path comments = sibling(file, "sdn_comments.csv");
        return out.result(DesignationFormat.SDN_CSV).with(PublishDate.notStated(),
                comments == null ? List.of(file) : List.of(file, comments));
    }

    /** "CYBER2] [ELECTION-EO13848": OFAC joins programs with "] [" and drops the outer brackets. */
    static List<String> programs(String raw) {
        String value = CsvLines.value(raw);
        if (value == null) return List.of();
        return Arrays.stream(value.split("\\]\\s*\\["))
                .map(p -> p.replace("[", "").replace("]", "").trim())
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** ent_num -> remarks continuation, from sdn_comments.csv beside sdn.csv (several rows are appended in order). */
    private static Map<String, String> readComments(Path sdnCsv, DesignationCollector out) {
        Map<String, String> byEntNum = new HashMap<>();
        Path comments = sibling(sdnCsv, "sdn_comments.csv");
        if (comments == null) return byEntNum;
        String name = comments.getFileName().toString();
        for (CsvLines.Line line : CsvLines.read(comments)) {
            if (!line.ok() || line.fields().size() < 2) {
                out.rejectFrom(name, line.number(), line.ok() ? "expected 2 fields, found " + line.fields().size() : line.error(), line.text());
                continue;
            }
            String entNum = CsvLines.value(line.fields().get(0));
            String text = line.fields().get(1);
            if (entNum != null && CsvLines.value(text) != null) byEntNum.merge(entNum, text, String::concat);
        }
        return byEntNum;
    }

    /** The named file in the same folder, matched case-insensitively, or null. */
    static Path sibling(Path file, String name) {
        Path dir = file.toAbsolutePath().getParent();
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) return exact;
        Path upper = dir.resolve(name.toUpperCase(java.util.Locale.ROOT));
        return Files.isRegularFile(upper) ? upper : null;
    }
}
