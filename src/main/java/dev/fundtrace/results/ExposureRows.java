package dev.fundtrace.results;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.report.CsvReportWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.Exposure;

/** An exposure as report.json states it. */
final class ExposureRows {

    private ExposureRows() {}

    /**
     * A UTXO chain's row (the one with coin evidence) also states the amount in the chain's display units
     * (utxo.md); an account chain's row does not.
     */
    static RunReport.ExposureRow of(Exposure e) {
        String raw = e.taintedAmountRaw().toString();
        String display = e.evidence() == null ? null : CsvReportWriter.display(raw, Chain.fromId(e.chain()).nativeDecimals());
        return new RunReport.ExposureRow(e.direction().id(), e.chain(), e.asset(), e.address(), e.hops(), raw, e.seed(),
                e.label(), e.category(), display, e.evidence());
    }
}
