package dev.fundtrace.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A report whose arrays are spliced in from per-trace files says exactly what the serialized report says. */
class JsonReportWriterTest {

    @TempDir
    Path dir;

    private final JsonReportWriter writer = new JsonReportWriter();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void spliced_exposures_and_flows_read_as_the_serialized_report() {
        RunReport report = withOddValues(ReportSamples.sample(7));
        Path exposures = dir.resolve("exposures.json"), flows = dir.resolve("flows.json");
        JsonReportWriter.writeExposures(report.exposures(), exposures);
        JsonReportWriter.writeFlows(report.flows(), flows);

        JsonNode expected = written(report, JsonFragments.NONE);
        assertThat(expected.get("flows").size()).isEqualTo(7);
        assertThat(written(report, new JsonFragments(exposures, flows))).isEqualTo(expected);
        assertThat(written(report, new JsonFragments(exposures, null))).isEqualTo(expected);
        assertThat(written(report, new JsonFragments(null, flows))).isEqualTo(expected);
    }

    /**
     * The streamed document is byte for byte what data binding made of the whole report before it streamed, with
     * a flag's review (current and outdated) and the audit trail too.
     */
    @Test
    void the_streamed_report_is_what_data_binding_writes() throws Exception {
        RunReport odd = withOddValues(ReportSamples.sample(9));
        List<RunReport.FlagRow> flags = new ArrayList<>(odd.flags());
        flags.set(0, flags.get(0).reviewed(new RunReport.Review("cleared", "A. \"Analyst\"", "2026-11-27", null,
                "reviews.csv:2", null, List.of(), true)));
        flags.set(1, flags.get(1).reviewed(new RunReport.Review("escalated", "B. Officer", "2026-11-20", "Ünïcode note",
                "reviews.csv:3", "2026-11-20", List.of("0x" + "4".repeat(64)), false)));
        RunReport report = new RunReport(odd.job(), odd.runDate(), odd.generatedAt(), odd.parameters(), odd.coverage(),
                odd.designations(), odd.exposures(), odd.flows(), flags, odd.summary(), odd.changes(), odd.rejected(),
                odd.warnings(), odd.clusters()).withAudit(AuditTrailReportTest.audit());
        var bound = JsonMapper.builder().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report);
        Path file = dir.resolve("streamed.json");
        writer.write(report, file);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(bound);
    }

    @Test
    void empty_arrays_splice_too() {
        RunReport sample = ReportSamples.sample(2);
        RunReport report = new RunReport(sample.job(), sample.runDate(), sample.generatedAt(), sample.parameters(),
                sample.coverage(), sample.designations(), List.of(), List.of(), List.of(), sample.summary(),
                sample.changes(), sample.rejected(), sample.warnings());
        Path exposures = dir.resolve("exposures.json"), flows = dir.resolve("flows.json");
        JsonReportWriter.writeExposures(List.of(), exposures);
        JsonReportWriter.writeFlows(List.of(), flows);
        assertThat(written(report, new JsonFragments(exposures, flows))).isEqualTo(written(report, JsonFragments.NONE));
    }

    private JsonNode written(RunReport report, JsonFragments fragments) {
        Path file = dir.resolve("report-" + System.nanoTime() + ".json");
        if (fragments.equals(JsonFragments.NONE)) writer.write(report, file);
        else writer.write(report, file, fragments);
        return mapper.readTree(file.toFile());
    }

    /** Nulls, quotes and non-ASCII where a flow's fields allow them, and a flow without steps. */
    private static RunReport withOddValues(RunReport r) {
        List<RunReport.FlowRow> flows = new ArrayList<>(r.flows());
        var f = flows.get(0);
        var step = f.path().get(0);
        flows.set(0, new RunReport.FlowRow(f.id(), f.direction(), f.chain(), f.asset(), null, f.decimals(), f.seed(),
                null, "Exchange \"Ünïcode\" \\ hot wallet", null, f.hops(), f.taintedAmountRaw(), f.taintedAmount(),
                List.of(new RunReport.StepRow(step.txHash(), Long.MAX_VALUE, 0, 3, step.from(), step.to(),
                        "115792089237316195423570985008687907853269984665640564039457584007913129639935", null))));
        flows.set(1, flows.get(1).withPath(List.of()));
        return new RunReport(r.job(), r.runDate(), r.generatedAt(), r.parameters(), r.coverage(), r.designations(),
                r.exposures(), flows, r.flags(), r.summary(), r.changes(), r.rejected(), r.warnings());
    }
}
