package dev.fundtrace.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk, for real: on Linux every write to /dev/full fails with ENOSPC. The message names the file and says
 * "no space left on device", whatever wrapped the IOException (Thymeleaf, Jackson, the page's second thread).
 */
class ReportWriteFailureTest {

    static final Path FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @BeforeEach
    void linux() {
        assumeTrue(Files.exists(FULL), "/dev/full (Linux)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.html", "report.json", "flagged-flows.csv", "rejected.csv"})
    void aFullDiskWhileWritingTheReportFolderNamesTheFile(String name) throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        Path folder = Files.createDirectories(dir.resolve(report.job()).resolve(report.runDate()));
        // the file is written under this temporary name first: make that name a full disk
        Files.createSymbolicLink(folder.resolve("." + name + ".tmp"), FULL);
        assertThatThrownBy(() -> new ReportFolderWriter().write(report, dir, EnumSet.allOf(ReportFolderWriter.Format.class)))
                .hasMessage("cannot write " + folder.resolve(name) + ": no space left on device");
        try (var files = Files.list(folder)) {
            assertThat(files).as("nothing published, no temporary file left").isEmpty();
        }
    }

    @Test
    void eachWriterOnAFullDiskSaysSoAndNamesTheFile() {
        RunReport report = HtmlReportWriterTest.sample();
        String expected = "cannot write /dev/full: no space left on device";
        // Thymeleaf used to say only "An error happened during template rendering"
        assertThatThrownBy(() -> new HtmlReportWriter().writeFile(report, FULL)).hasMessage(expected);
        assertThatThrownBy(() -> new JsonReportWriter().write(report, FULL)).hasMessage(expected);
        assertThatThrownBy(() -> new JsonReportWriter().write(report, FULL, JsonFragments.NONE)).hasMessage(expected);
        assertThatThrownBy(() -> new CsvReportWriter().writeFlags(report, FULL)).hasMessage(expected);
        assertThatThrownBy(() -> new CsvReportWriter().writeRejected(report, FULL)).hasMessage(expected);
    }

    @Test
    void aTracesJsonFragmentThatCannotBeWrittenIsNamedAndLeavesNoTemporaryFile() throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        Path file = dir.resolve("runs/1/exposures.json");
        // a folder in the way: the fragment is written whole under its temporary name, and the rename fails
        Files.writeString(Files.createDirectories(file).resolve("in-the-way"), "x");
        assertThatThrownBy(() -> JsonReportWriter.writeExposures(report.exposures(), file))
                .hasMessageStartingWith("cannot write " + file + ": ");
        assertThat(file.resolveSibling("exposures.json.tmp")).as("the part-written fragment is deleted").doesNotExist();
    }

    @Test
    void rejectedCsvEchoesNoFormula() throws Exception {
        RunReport sample = HtmlReportWriterTest.sample();
        List<RunReport.RejectionRow> rows = List.of(
                new RunReport.RejectionRow("labels.csv", 2, "address '=1+1' is not 0x + 40 hex digits", "=HYPERLINK(\"http://x\"),ethereum"),
                new RunReport.RejectionRow("labels.csv", 3, "bad", "+cmd|' /C calc'!A0"),
                new RunReport.RejectionRow("labels.csv", 4, "bad", "-2+3"),
                new RunReport.RejectionRow("labels.csv", 5, "bad", "@SUM(A1:A2)"),
                new RunReport.RejectionRow("labels.csv", 6, "bad", "\tx"),
                new RunReport.RejectionRow("labels.csv", 7, "bad", "\rx"),
                new RunReport.RejectionRow("=evil.csv", 8, "-x", "-12.5"),
                new RunReport.RejectionRow("transactions.csv", 9, "negative value", "+1e5"),
                new RunReport.RejectionRow("transactions.csv", 10, "bad hex", "0x12,=x"));
        RunReport report = new RunReport(sample.job(), sample.runDate(), sample.generatedAt(), sample.parameters(),
                sample.coverage(), sample.designations(), sample.exposures(), sample.flows(), sample.flags(),
                sample.summary(), sample.changes(), rows, sample.warnings());
        Path file = dir.resolve("rejected.csv");
        new CsvReportWriter().writeRejected(report, file);
        List<CSVRecord> read;
        try (Reader in = Files.newBufferedReader(file)) {
            read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(read).extracting(r -> r.get("record")).containsExactly("'=HYPERLINK(\"http://x\"),ethereum",
                "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1:A2)", "'\tx", "'\rx", "-12.5", "+1e5", "0x12,=x");
        assertThat(read.get(6).get("source")).isEqualTo("'=evil.csv");
        assertThat(read.get(6).get("reason")).isEqualTo("'-x");
        assertThat(read.get(0).get("reason")).isEqualTo("address '=1+1' is not 0x + 40 hex digits");
        assertThat(read.get(0).get("line")).isEqualTo("2");
    }
}
