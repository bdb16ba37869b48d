package dev.fundtrace.report;

import dev.fundtrace.audit.FileDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail in report.json (in the published schema) and in a compact section of report.html, not on page one. */
class AuditTrailReportTest {

    @TempDir
    Path dir;

    static final String SHA_JOB = "1".repeat(64), SHA_SDN = "2".repeat(64), SHA_CSV = "3".repeat(64),
            SHA_LABELS = "4".repeat(64), SHA_FOLDER = "5".repeat(64), SHA_TX = "6".repeat(64), SHA_REVIEWS = "7".repeat(64);

    static RunReport.Audit audit() {
        return new RunReport.Audit("1.2.3", new FileDigest("/jobs/ira-nightly.yml", 1207, SHA_JOB),
                List.of(new RunReport.DesignationInput("/ofac/sdn_advanced.xml", 26806, SHA_SDN, "SDN_ADVANCED_XML",
                                "2020-09-10", "DateOfIssue"),
                        new RunReport.DesignationInput("/ofac/sdn.csv", 900, SHA_CSV, "SDN_CSV", null, "not stated in the file")),
                List.of(new FileDigest("/labels/labels.csv", 7618, SHA_LABELS)),
                List.of(new RunReport.LedgerInput("ethereum", "files", "/exports/2026-11-28", 1, 1650805L, SHA_FOLDER,
                                "2026-11-28T02:00:01Z", List.of(new FileDigest("transactions.csv", 1650805, SHA_TX))),
                        new RunReport.LedgerInput("bitcoin", "files", "/exports/btc", 5000, 9_000_000L, SHA_FOLDER,
                                "2026-11-27T02:00:01Z", null),
                        RunReport.LedgerInput.rpc("litecoin", "https://node.internal:9332/")),
                new FileDigest("/reviews/reviews.csv", 120, SHA_REVIEWS));
    }

    @Test
    void reportJsonCarriesTheAuditTrailInThePublishedShape() throws Exception {
        Path file = dir.resolve("report.json");
        new JsonReportWriter().write(HtmlReportWriterTest.sample().withAudit(audit()), file);
        String json = Files.readString(file);
        assertThat(ReportSchema.violations(json)).isEmpty();
        assertThat(json).contains("\"fundtraceVersion\" : \"1.2.3\"").contains("\"publishDate\" : \"2020-09-10\"")
                .contains("\"publishDateStatedIn\" : \"not stated in the file\"").contains(SHA_TX);
        // a digest that is not 64 hex digits breaks the contract
        assertThat(ReportSchema.violations(json.replace(SHA_LABELS, "abc"))).anySatisfy(v -> assertThat(v).contains("sha256"));
        assertThat(ReportSchema.violations(json.replace("\"source\" : \"rpc\"", "\"source\" : \"ftp\""))).isNotEmpty();
    }

    @Test
    void thePageHasACompactAuditTrailSectionAfterPageOne() throws Exception {
        Path file = dir.resolve("report.html");
        new HtmlReportWriter().write(HtmlReportWriterTest.sample().withAudit(audit()), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        int section = html.indexOf("<section id=\"audit\"");
        assertThat(section).isGreaterThan(html.indexOf("<section id=\"flags\"")).isGreaterThan(html.indexOf("<section id=\"parameters\""));
        String audit = html.substring(section, html.indexOf("</section>", section));
        assertThat(audit).contains("fundtrace <b class=\"mono\">1.2.3</b>")
                .contains("SDN_ADVANCED_XML; published 2020-09-10 (DateOfIssue)")
                .contains("SDN_CSV; publish date not stated in the file")
                .contains(SHA_JOB).contains(SHA_SDN).contains(SHA_LABELS).contains(SHA_FOLDER).contains(SHA_TX).contains(SHA_REVIEWS)
                .contains("1 file, digested 2026-11-28T02:00:01Z")
                .contains("5,000 files: report.json and this page give the folder&#39;s count, size and manifest digest only")
                .contains("a JSON-RPC node: no files to digest");
        // a report without an audit trail (one written by an earlier version) has no such section
        new HtmlReportWriter().write(HtmlReportWriterTest.sample(), file);
        assertThat(Files.readString(file)).doesNotContain("<section id=\"audit\"");
    }
}
