package dev.fundtrace.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewed flag is marked so in report.html, flagged-flows.csv and report.json alike; its note is echoed inert. */
class ReviewedFlagReportTest {

    @TempDir
    Path dir;

    static final String NOTE = "=HYPERLINK(\"http://x\",\"a\") <b>known</b> wallet";

    /** The sample page's report with its cash-out flag reviewed (current) and its funding flag's review outdated. */
    static RunReport reviewed() {
        RunReport r = HtmlReportWriterTest.sample();
        List<RunReport.FlagRow> flags = new ArrayList<>();
        flags.add(r.flags().get(0).reviewed(new RunReport.Review("cleared", "A. Analyst", "2026-11-27", NOTE,
                "reviews.csv:2", "2026-11-27", List.of(), true)));
        flags.add(r.flags().get(1).reviewed(new RunReport.Review("escalated", "B. Officer", "2026-11-20", null,
                "reviews.csv:3", "2026-11-20", List.of(HtmlReportWriterTest.TX4), false)));
        return new RunReport(r.job(), r.runDate(), r.generatedAt(), r.parameters(), r.coverage(), r.designations(),
                r.exposures(), r.flows(), flags, r.summary(), new RunReport.Changes("2026-11-27", List.of(), List.of()),
                r.rejected(), r.warnings(), r.clusters());
    }

    @Test
    void theReviewIsInEveryFormat() throws Exception {
        RunReport report = reviewed();
        assertThat(report.flags().get(0).newSinceLastRun()).as("a current review takes away 'new'").isFalse();
        new ReportFolderWriter().write(report, dir, java.util.EnumSet.allOf(ReportFolderWriter.Format.class));
        Path folder = dir.resolve("ira-nightly/2026-11-28");

        String json = Files.readString(folder.resolve("report.json"));
        assertThat(ReportSchema.violations(json)).isEmpty();
        assertThat(json).contains("\"decision\" : \"cleared\"").contains("\"current\" : false");

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(folder.resolve("flagged-flows.csv"))) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        CSVRecord cashOut = rows.stream().filter(x -> x.get("flag_id").equals("G-cash-1")).findFirst().orElseThrow();
        assertThat(cashOut.get("review_decision")).isEqualTo("cleared");
        assertThat(cashOut.get("reviewed_by")).isEqualTo("A. Analyst");
        assertThat(cashOut.get("review_date")).isEqualTo("2026-11-27");
        assertThat(cashOut.get("review_note")).as("a note is not a formula").isEqualTo("'" + NOTE);
        assertThat(cashOut.get("new_since_last_run")).isEqualTo("false");
        CSVRecord funding = rows.stream().filter(x -> x.get("flag_id").equals("G-fund-1")).findFirst().orElseThrow();
        assertThat(funding.get("evidence_since_review")).isEqualTo(HtmlReportWriterTest.TX4);

        String html = Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<div class=\"badge-reviewed\">reviewed: cleared</div>")
                .contains("<div class=\"badge-outdated\">review outdated</div>")
                .contains("cleared by A. Analyst on 2026-11-27 (reviews.csv:2)")
                .contains("1 transaction joined the finding since the run of 2026-11-20, so it counts as unreviewed")
                .contains("&lt;b&gt;known&lt;/b&gt; wallet").doesNotContain("<b>known</b>")
                .contains("Reviewed flags (reviews.csv)")
                .contains("1 flag is reviewed (reviews.csv) and not counted as new.");
    }

    @Test
    void aFlagWithoutReviewHasEmptyReviewCellsAndNoBadge() throws Exception {
        new ReportFolderWriter().write(HtmlReportWriterTest.sample(), dir, java.util.EnumSet.allOf(ReportFolderWriter.Format.class));
        Path folder = dir.resolve("ira-nightly/2026-11-28");
        assertThat(Files.readString(folder.resolve("report.html"))).doesNotContain("class=\"badge-reviewed\"")
                .doesNotContain("Reviewed flags");
        assertThat(Files.readString(folder.resolve("report.json"))).doesNotContain("\"review\"");
        try (Reader in = Files.newBufferedReader(folder.resolve("flagged-flows.csv"))) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                assertThat(r.get("review_decision")).isEmpty();
            }
        }
    }
}
