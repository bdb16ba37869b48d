package dev.fundtrace.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** flagged-flows.csv's own row writer and amounts say exactly what commons-csv and BigDecimal said. */
class CsvLineTest {

    @Test
    void rowsAreQuotedAsCommonsCsvQuotesThem() throws Exception {
        String alphabet = "ab,\"\r\n #!$'\t=-+@é0x9;";
        Random r = new Random(3);
        List<String> cells = new ArrayList<>(List.of("", " ", "#", "!x", "$", "a ", "a\t", "\"", "a\"b", "a,b", "é", "x\r", "0x1f"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            cells.add(s.toString());
        }
        StringWriter ours = new StringWriter(), theirs = new StringWriter();
        CsvLine line = new CsvLine();
        try (CSVPrinter csv = new CSVPrinter(theirs, CSVFormat.RFC4180)) {
            for (int i = 0; i + 4 <= cells.size(); i += 4) {
                List<String> row = cells.subList(i, i + 4);
                csv.printRecord(row.get(0), row.get(1), row.get(2), row.get(3), 42, true);
                line.cell(row.get(0)).cell(row.get(1)).cell(row.get(2)).cell(row.get(3)).cell(42).cell(true).writeTo(ours);
            }
        }
        assertThat(ours.toString()).isEqualTo(theirs.toString());
    }

    @Test
    void amountsAreThoseOfTheArithmetic() {
        Random r = new Random(5);
        List<String> raws = new ArrayList<>(List.of("0", "1", "10", "100", "120000", "5000000000000000000",
                "115792089237316195423570985008687907853269984665640564039457584007913129639935"));
        for (int i = 0; i < 2000; i++) raws.add(new java.math.BigInteger(1 + r.nextInt(90), r).toString());
        for (String raw : raws) {
            assertThat(CsvReportWriter.integer(raw)).isEqualTo(new BigDecimal(raw).stripTrailingZeros().toBigIntegerExact().toString());
            for (int decimals : new int[] {0, 1, 2, 6, 8, 18, 30}) {
                BigDecimal v = new BigDecimal(raw);
                if (decimals > 0) v = v.movePointLeft(decimals);
                String s = v.stripTrailingZeros().toPlainString();
                assertThat(CsvReportWriter.display(raw, decimals)).as(raw + " / 10^" + decimals)
                        .isEqualTo(s.contains(".") ? s : s + ".0");
            }
        }
        // what an earlier run stored, not an integer string: the arithmetic as before
        assertThat(CsvReportWriter.integer("40000000000000000000.0")).isEqualTo("40000000000000000000");
        assertThat(CsvReportWriter.display("007", 1)).isEqualTo("0.7");
    }
}
