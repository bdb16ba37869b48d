package dev.fundtrace.report;

import java.util.List;

/**
 * The flows report.html shows, with their paths: the first {@link HtmlReportWriter#MAX_FLOW_PATHS_SHOWN} in report
 * order (listed) and those drawn ({@link GraphLayout#drawn}), and how many flows there are in all.
 */
public record PageFlows(List<RunReport.FlowRow> listed, List<RunReport.FlowRow> drawn, int count) {

    public PageFlows {
        listed = List.copyOf(listed);
        drawn = List.copyOf(drawn);
    }

    /** The page's flows among all of a report's, chosen as a trace's flow file chooses them. */
    public static PageFlows of(List<RunReport.FlowRow> flows, List<RunReport.FlagRow> flags) {
        return new PageFlows(flows.stream().limit(HtmlReportWriter.MAX_FLOW_PATHS_SHOWN).toList(),
                GraphLayout.drawn(flows, flags), flows.size());
    }
}
