package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.RejectionRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV fundtrace writes: integer strings for raw amounts, and no cell a spreadsheet would run as a formula. */
class CsvInjectionTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"a\")";

    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path file) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(file))).getRecords();
    }

    private static RunReport withFlag(String symbol, String flowAmountRaw) {
        String a = "0x88c80dfc61c1179bb08a46fce24fef40ac6ed4ec", seed = "0x901bb9583b24d97e995513c6778dc6888ab6870e";
        FlowRow flow = new FlowRow("F-1", "forward", "ethereum", "0xabc", symbol, 18, seed, a, null, null, 2,
                flowAmountRaw, "40.0", List.of());
        FlagRow flag = new FlagRow("G-1", "INDIRECT_EXPOSURE", "MEDIUM", a, seed, "ethereum", "0xabc", symbol, 2,
                List.of("F-1"), List.of("0x" + "a1".repeat(32)), "-1 looks like a number but +x does not", null, false);
        return new RunReport("j", "2026-11-28", "2026-11-28T02:00:00Z", Map.of(), null, List.of(), List.of(),
                List.of(flow), List.of(flag), null, null,
                List.of(new RejectionRow("tokens.csv", 3, "bad", "@SUM(1+1)*cmd|' /C calc'!A0"),
                        new RejectionRow("t.csv", 4, "-2", "-12.5"), new RejectionRow("t.csv", 5, "\tx", "+1e3")),
                List.of());
    }

    @Test
    void aFormulaTokenSymbolDoesNotReachFlaggedFlowsVerbatim() throws Exception {
        Path file = dir.resolve("flagged-flows.csv");
        new CsvReportWriter().writeFlags(withFlag(FORMULA, "40000000000000000000"), file);
        CSVRecord r = read(file).get(0);
        assertThat(r.get("asset_symbol")).isEqualTo("'" + FORMULA);
        assertThat(r.get("explanation")).isEqualTo("'-1 looks like a number but +x does not");
        for (String cell : r.values()) {
            assertThat(cell).as("cell " + cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        }
    }

    @Test
    void rawAmountsAreIntegerStringsNeverScientificOrWithAFraction() throws Exception {
        Path file = dir.resolve("flagged-flows.csv");
        new CsvReportWriter().writeFlags(withFlag("TOK", "40000000000000000000.0"), file);
        CSVRecord r = read(file).get(0);
        assertThat(r.get("tainted_amount_raw")).isEqualTo("40000000000000000000");
        assertThat(r.get("tainted_amount")).isEqualTo("40.0");
    }

    @Test
    void rejectedRecordsThatLookLikeFormulasAreNeutralisedButNumbersAreKept() throws Exception {
        Path file = dir.resolve("rejected.csv");
        new CsvReportWriter().writeRejected(withFlag("TOK", "1"), file);
        List<CSVRecord> rows = read(file);
        assertThat(rows.get(0).get("record")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(rows.get(1).get("reason")).isEqualTo("-2");
        assertThat(rows.get(1).get("record")).isEqualTo("-12.5");
        assertThat(rows.get(2).get("reason")).isEqualTo("'\tx");
        assertThat(rows.get(2).get("record")).isEqualTo("+1e3");
    }
}
