package dev.fundtrace.designation;

import dev.fundtrace.rejects.Rejection;

import java.nio.file.Path;
import java.util.List;

/**
 * What one sanctions file yielded: the valid designations and the refused entries, the list's publish date as the
 * file states it, and every file read for it (sdn.csv reads sdn_comments.csv beside it).
 */
public record DesignationFile(String source, DesignationFormat format, List<Designation> designations,
                              List<Rejection> rejections, PublishDate publishDate, List<Path> filesRead) {
    public DesignationFile {
        designations = List.copyOf(designations);
        rejections = List.copyOf(rejections);
        filesRead = List.copyOf(filesRead);
    }

    /** A file that states no publish date and was read alone. */
    public DesignationFile(String source, DesignationFormat format, List<Designation> designations,
                           List<Rejection> rejections) {
        this(source, format, designations, rejections, PublishDate.notStated(), List.of());
    }

    DesignationFile with(PublishDate date, List<Path> files) {
        return new DesignationFile(source, format, designations, rejections, date, files);
    }
}
