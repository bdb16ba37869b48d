package dev.fundtrace.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report.json the writer makes conforms to docs/report.schema.json, and the schema does catch a broken one. */
class ReportSchemaTest {

    @TempDir
    Path dir;

    private String written(RunReport r) throws Exception {
        Path file = dir.resolve("report.json");
        new JsonReportWriter().write(r, file);
        return Files.readString(file);
    }

    @Test
    void generatedReportsConform() throws Exception {
        assertThat(ReportSchema.violations(written(HtmlReportWriterTest.sample()))).isEmpty();
        assertThat(ReportSchema.violations(written(CaseSummaryPageTest.report()))).isEmpty();
        assertThat(ReportSchema.violations(written(ReportSamples.sample(50)))).isEmpty();
    }

    @Test
    void aRawAmountAsANumberOrAnUnknownSeverityIsCaught() throws Exception {
        String json = written(CaseSummaryPageTest.report());
        assertThat(ReportSchema.violations(json.replaceAll("\"amountRaw\"\\s*:\\s*\"29100000000\"", "\"amountRaw\": 29100000000")))
                .anySatisfy(v -> assertThat(v).contains("amountRaw"));
        assertThat(ReportSchema.violations(json.replaceAll("\"severity\"\\s*:\\s*\"HIGH\"", "\"severity\": \"URGENT\"")))
                .anySatisfy(v -> assertThat(v).contains("severity"));
        assertThat(ReportSchema.violations(json.replaceAll("\"address\"\\s*:\\s*\"0x88c8", "\"address\": \"0x88C8")))
                .isNotEmpty();
    }

    @Test
    void fieldsMayBeAddedTheContractStaysOpen() throws Exception {
        String json = written(CaseSummaryPageTest.report());
        assertThat(ReportSchema.violations(json.replaceFirst("\\{", "{\"auditTrail\":{\"inputs\":[]},"))).isEmpty();
    }
}
