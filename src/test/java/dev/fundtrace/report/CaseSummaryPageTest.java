package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.AssetCoverage;
import dev.fundtrace.report.RunReport.ChainCoverage;
import dev.fundtrace.report.RunReport.Coverage;
import dev.fundtrace.report.RunReport.DesignationRow;
import dev.fundtrace.report.RunReport.ExposureRow;
import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.StepRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page one is the case summary, and a direct-counterparty flag of three payments (9,500 + 9,900 + 9,700 USDT) reads
 * the same in the three formats: 29100 USDT, three transactions.
 */
class CaseSummaryPageTest {

    static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";
    static final String SEED = "0x901bb9583b24d97e995513c6778dc6888ab6870e";
    static final String OTHER_SEED = "0x2222222222222222222222222222222222222222";
    static final String A = "0x88c80dfc61c1179bb08a46fce24fef40ac6ed4ec";
    static final String EXCHANGE = "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be";
    static final List<String> TXS = List.of("0x" + "a1".repeat(32), "0x" + "b2".repeat(32), "0x" + "c3".repeat(32));

    @TempDir
    Path dir;

    static RunReport report() {
        FlowRow flow = new FlowRow("F-1", "forward", "ethereum", USDT, "USDT", 6, SEED, A, null, null, 1,
                "29100000000", "29100", List.of(new StepRow(TXS.get(0), 1, 0, 0, SEED, A, "9500000000", "2020-01-01T00:00:00Z")));
        FlagRow flag = new FlagRow("G-1", "DIRECT_COUNTERPARTY", "HIGH", A, SEED, "ethereum", USDT, "USDT", 1,
                List.of("F-1"), TXS, A + " received 29100 USDT in 3 transfers directly from designated address " + SEED + ".",
                null, "29100000000", false);
        List<DesignationRow> designations = List.of(
                new DesignationRow("LIFSHITS, Artem", "29702", List.of("CYBER2"), "USDT", "ethereum", SEED, "sdn.xml", true, true),
                new DesignationRow("Other, Party", "1", List.of("CYBER2"), "ETH", "ethereum", OTHER_SEED, "sdn.xml", true, true),
                new DesignationRow("Shielded, Z", "2", List.of("CYBER2"), "ZEC", "zcash", "zs1abc", "sdn.xml", false, false,
                        "shielded address"));
        List<ExposureRow> exposures = List.of(
                new ExposureRow("forward", "ethereum", USDT, A, 1, "29100000000", SEED, null, null),
                new ExposureRow("forward", "ethereum", USDT, EXCHANGE, 2, "20000000000", SEED, "Binance 7", "exchange"));
        Coverage coverage = new Coverage(List.of(new ChainCoverage("ethereum", 0, 10, "2020-01-01T00:00:00Z",
                "2020-01-02T00:00:00Z", 3, 0, List.of(new AssetCoverage(USDT, "USDT", 6, 3, "0", "0")))), List.of());
        return new RunReport("ira-nightly", "2026-11-28", "2026-11-28T02:00:00Z",
                Map.of("maxHops", 4, "taintModel", "haircut", "rapidPassThroughWindow", "PT1H", "structuringWindow", "P1D"), coverage,
                designations, exposures, List.of(flow), List.of(flag),
                new RunReport.Summary(2, 2, 2, Map.of("HIGH", 1, "MEDIUM", 0, "LOW", 0), 3),
                new RunReport.Changes(null, List.of(), List.of()), List.of(), List.of());
    }

    private static String html(RunReport r) {
        StringWriter out = new StringWriter();
        HtmlReportWriter.render(r, out);
        return out.toString();
    }

    @Test
    void pageOneSaysCoverageInOneSentenceAndHasOneSummaryRowPerDesignation() {
        String html = html(report());
        assertThat(html).contains("2 of 3 designated addresses are on chains this job traces; not traced: 1 ZEC, shielded address.");
        assertThat(html.split("class=\"designation-row\"", -1)).hasSize(4);
        // out at hop 1, the haircut amount that reached an exchange, the rest unlabelled
        assertThat(html).contains(">29100 USDT<", ">20000 USDT<", ">9100 USDT<");
        assertThat(html).contains("<svg class=\"chart\"", "cat-exchanges", "cat-unlabelled");
        // the summary comes first, then the graph, then the flags
        assertThat(html.indexOf("id=\"summary\"")).isLessThan(html.indexOf("id=\"graph\""));
        assertThat(html.indexOf("id=\"graph\"")).isLessThan(html.indexOf("id=\"flags\""));
        // durations in words in the methodology
        assertThat(html).contains("1 hour", "1 day").doesNotContain("PT1H");
    }

    @Test
    void aFirstRunSaysSoAndBadgesNothing() {
        String html = html(report());
        assertThat(html).contains("First run").doesNotContain("class=\"badge-new\"");
    }

    @Test
    void aDirectCounterpartyFlagReadsTheSameInEveryFormat() throws Exception {
        RunReport r = report();
        String html = html(r);
        String row = html.substring(html.indexOf("class=\"flag-row"), html.indexOf("</tr>", html.indexOf("class=\"flag-row")));
        assertThat(row).contains(">29100 USDT<", ">3<", "LIFSHITS, Artem", "<details>");
        for (String tx : TXS) assertThat(row).contains(tx);

        Path csvFile = dir.resolve("flagged-flows.csv");
        new CsvReportWriter().writeFlags(r, csvFile);
        CSVRecord rec = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csvFile))).getRecords().get(0);
        assertThat(rec.get("tainted_amount_raw")).isEqualTo("29100000000");
        assertThat(rec.get("tainted_amount")).isEqualTo("29100.0");
        assertThat(rec.get("evidence_tx_hashes").split(";")).hasSize(3);
        assertThat(rec.get("explanation")).contains("29100 USDT in 3 transfers");

        Path json = dir.resolve("report.json");
        new JsonReportWriter().write(r, json);
        JsonNode flag = JsonMapper.builder().build().readTree(json.toFile()).get("flags").get(0);
        assertThat(flag.get("amountRaw").asString()).isEqualTo("29100000000");
        assertThat(flag.get("evidence").size()).isEqualTo(3);
    }
}
