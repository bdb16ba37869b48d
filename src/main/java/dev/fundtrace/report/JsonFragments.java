package dev.fundtrace.report;

import java.nio.file.Path;

/**
 * Arrays of report.json written once per trace and spliced into each of its reports (see JsonReportWriter); a null
 * path means the array is serialized from the report itself.
 */
public record JsonFragments(Path exposures, Path flows) {

    public static final JsonFragments NONE = new JsonFragments(null, null);
}
