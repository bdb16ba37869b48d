package dev.fundtrace.results;

import dev.fundtrace.report.CsvReportWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;

import java.util.ArrayList;
import java.util.List;

/** A trace's flow as report.json states it. */
final class FlowRows {

    private FlowRows() {}

    static RunReport.FlowRow of(Flow f) {
        List<RunReport.StepRow> path = new ArrayList<>(f.path().size());
        for (FlowStep s : f.path()) {
            path.add(new RunReport.StepRow(s.txHash(), s.blockNumber(), s.position(), s.subPosition(), s.from(), s.to(),
                    s.amountRaw() == null ? null : s.amountRaw().toString(), s.time() == null ? null : s.time().toString(),
                    s.spent(), s.outpoint(),
                    // a coin step states its coin's taint; an account step keeps the shape it always had
                    s.outpoint() == null || s.taintCarriedRaw() == null ? null : s.taintCarriedRaw().toString()));
        }
        String raw = f.taintedAmountRaw().toString();
        return new RunReport.FlowRow(f.id(), f.direction().id(), f.chain(), f.asset(), f.assetSymbol(), f.decimals(),
                f.seed(), f.endpoint(), f.endpointLabel(), f.endpointCategory(), f.hops(), raw,
                CsvReportWriter.display(raw, f.decimals()), path);
    }
}
