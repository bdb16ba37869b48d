package dev.fundtrace.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run's report is written from: the small parts in {@link RunReport}, the large ones as streams read once
 * each. report.json's exposures and flows arrays come as files written once per trace (spliced in), the flags and
 * the resolved flags as {@link FlagSource}s, the page's flows chosen ahead; none of them is held whole.
 *
 * @param exposuresJson   the exposures array of report.json (a file), or null: then {@code report.exposures()}
 * @param flowsJson       the flows array, or null: then {@code report.flows()}
 * @param newIdsFromFlags true when changes.newFlagIds are the ids of the flags marked new, as they pass (a large
 *                        night's report); false when {@code report.changes()} lists them
 * @param labels          labelled addresses the page may name, beside the endpoints of the flows it shows
 * @param renderedFlags   where the flags' renderings are kept from night to night, or null: rendered, not kept
 */
public record ReportInput(RunReport report, Path exposuresJson, Path flowsJson, FlagSource flags,
                          FlagSource resolvedFlags, boolean newIdsFromFlags, PageFlows pageFlows,
                          List<ServiceLabel> labels, RenderedFlags renderedFlags) {

    public ReportInput {
        labels = List.copyOf(labels);
    }

    public ReportInput(RunReport report, Path exposuresJson, Path flowsJson, FlagSource flags,
                       FlagSource resolvedFlags, boolean newIdsFromFlags, PageFlows pageFlows,
                       List<ServiceLabel> labels) {
        this(report, exposuresJson, flowsJson, flags, resolvedFlags, newIdsFromFlags, pageFlows, labels, null);
    }

    /** A report held in memory (tests, small reports). */
    public static ReportInput of(RunReport r) {
        return of(r, JsonFragments.NONE);
    }

    /** A report held in memory, its exposures and flows arrays taken from {@code fragments} where given. */
    public static ReportInput of(RunReport r, JsonFragments fragments) {
        List<RunReport.FlowRow> flows = HtmlReportWriter.nz(r.flows());
        List<RunReport.FlagRow> resolved = r.changes() == null ? List.of() : HtmlReportWriter.nz(r.changes().resolvedFlags());
        return new ReportInput(r, fragments.exposures(), fragments.flows(), FlagSource.of(HtmlReportWriter.nz(r.flags()), flows),
                FlagSource.of(resolved, List.of()), false, PageFlows.of(flows, HtmlReportWriter.nz(r.flags())), List.of());
    }
}
