package dev.fundtrace.designation;

import dev.fundtrace.rejects.Rejection;

import java.util.List;

/** What one sanctions file yielded: the valid designations and the refused entries. */
public record DesignationFile(String source, DesignationFormat format, List<Designation> designations,
                              List<Rejection> rejections) {
    public DesignationFile {
        designations = List.copyOf(designations);
        rejections = List.copyOf(rejections);
    }
}
