package dev.fundtrace.designation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        DesignationFile read = switch (FormatSniffer.detect(file)) {
            case SDN_ADVANCED_XML -> SdnAdvancedXmlParser.parse(file);
            case SDN_XML -> SdnXmlParser.parse(file);
            case SDN_CSV -> SdnCsvParser.parse(file);
            case WATCHLIST_CSV -> WatchlistCsvParser.parse(file);
        };
        // a parser that read other files beside it (sdn.csv: sdn_comments.csv) names them all
        return read.filesRead().isEmpty() ? read.with(read.publishDate(), List.of(file)) : read;
    }
}
