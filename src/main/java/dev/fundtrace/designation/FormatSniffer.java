package dev.fundtrace.designation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Detects a sanctions file's format from its content: operators rename downloads
 * (sdn_advanced.xml, SDN_ADVANCED.XML, export.txt), so the extension proves nothing.
 */
final class FormatSniffer {

    private static final int PEEK_BYTES = 64 * 1024;

    private FormatSniffer() {}

    static DesignationFormat detect(Path file) {
        String fileName = file.getFileName().toString();
        String head = head(file, fileName);
        if (head.isEmpty()) throw new DesignationFileException(fileName, "file is empty");
        if (head.startsWith("<")) return xmlFormat(file, fileName);
        String firstLine = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        CsvLines.Line line = CsvLines.parse(1, firstLine);
        if (line.ok()) {
            List<String> fields = line.fields();
            if (WatchlistCsvParser.columns(fields).keySet().containsAll(WatchlistCsvParser.REQUIRED)) {
                return DesignationFormat.WATCHLIST_CSV;
            }
            String first = fields.getFirst().trim();
            if (fields.size() == SdnCsvParser.COLUMNS && !first.isEmpty() && first.chars().allMatch(Character::isDigit)) {
                return DesignationFormat.SDN_CSV;
            }
        }
        throw new DesignationFileException(fileName, "unknown format: not SDN_ADVANCED.XML, SDN.XML, OFAC sdn.csv"
                + " (12 columns, numeric ent_num) nor a watchlist CSV with header address,currency,subject[,source]");
    }

    /** The start of the file as text, without a byte order mark or leading white space. */
    private static String head(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return text.strip();
        } catch (IOException e) {
            throw new DesignationFileException(fileName, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The root element decides; namespaces are ignored because OFAC has changed them (un.org -> treas.gov). */
    private static DesignationFormat xmlFormat(Path file, String fileName) {
        try (XmlCursor xml = new XmlCursor(file)) {
            if (!xml.nextStart()) throw new DesignationFileException(fileName, "XML without a root element");
            return switch (xml.name()) {
                case "Sanctions" -> DesignationFormat.SDN_ADVANCED_XML;
                case "sdnList" -> DesignationFormat.SDN_XML;
                default -> throw new DesignationFileException(fileName,
                        "unknown XML format: root element <" + xml.name() + ">, expected <Sanctions> or <sdnList>");
            };
        }
    }
}
