package dev.fundtrace.designation;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one sanctions file of any supported format into designations and rejections.
 * Bad records become rejections and reading goes on; a file that cannot be read at all
 * (unknown format, malformed or unsafe XML) raises {@link DesignationFileException}.
 */
public final class DesignationReader {

    public DesignationFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DesignationFileException(String.valueOf(file), "no such file");
        }
        return switch (FormatSniffer.detect(file)) {
            case SDN_ADVANCED_XML -> SdnAdvancedXmlParser.parse(file);
            case SDN_XML -> SdnXmlParser.parse(file);
            case SDN_CSV -> SdnCsvParser.parse(file);
            case WATCHLIST_CSV -> WatchlistCsvParser.parse(file);
        };
    }
}
