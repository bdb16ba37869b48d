package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.AssetCoverage;
import dev.fundtrace.report.RunReport.Changes;
import dev.fundtrace.report.RunReport.ChainCoverage;
import dev.fundtrace.report.RunReport.Coverage;
import dev.fundtrace.report.RunReport.DesignationRow;
import dev.fundtrace.report.RunReport.ExposureRow;
import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.RejectionRow;
import dev.fundtrace.report.RunReport.StepRow;
import dev.fundtrace.report.RunReport.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    static final String LIFSHITS = "0x901bb9583b24d97e995513c6778dc6888ab6870e";
    static final String HOP1 = "0x1111111111111111111111111111111111111111";
    static final String EXCHANGE = "0x28c6c06298d514db089934071355e5743bf21d60";
    static final String FUNDER = "0x3333333333333333333333333333333333333333";
    static final String FUNDER_EXCHANGE = "0xdfd5293d8e347dfe59e90efd55b2956a1343963d";
    static final String TX1 = "0x" + "a1".repeat(32);
    static final String TX2 = "0x" + "b2".repeat(32);
    static final String TX3 = "0x" + "c3".repeat(32);
    static final String TX4 = "0x" + "d4".repeat(32);
    static final String XSS = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    static RunReport sample() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("maxHops", 4);
        parameters.put("taintModel", "haircut");
        parameters.put("rapidPassThroughWindow", "PT1H");

        FlowRow forward = new FlowRow("F-fwd-1", "forward", "ethereum", "ETH", "ETH", 18, LIFSHITS, EXCHANGE,
                XSS, "exchange", 2, "1500000000000000000", "1.5", List.of(
                new StepRow(TX1, 11_000_001, 3, 0, LIFSHITS, HOP1, "2000000000000000000", "2020-09-01T10:00:00Z"),
                new StepRow(TX2, 11_000_050, 0, 0, HOP1, EXCHANGE, "123456789012345678901234567890",
                        "2020-09-01T10:20:00Z")));
        FlowRow backward = new FlowRow("F-bwd-1", "backward", "ethereum", "ETH", "ETH", 18, LIFSHITS, FUNDER_EXCHANGE,
                "Kraken 4", "exchange", 2, "700000000000000000", "0.7", List.of(
                new StepRow(TX3, 10_900_000, 7, 0, FUNDER_EXCHANGE, FUNDER, "700000000000000000", "2020-08-30T09:00:00Z"),
                new StepRow(TX4, 10_900_100, 1, 2, FUNDER, LIFSHITS, "700000000000000000", "2020-08-30T09:30:00Z")));

        FlagRow cashOut = new FlagRow("G-cash-1", "EXCHANGE_CASH_OUT", "HIGH", EXCHANGE, LIFSHITS, "ethereum", "ETH",
                "ETH", 2, List.of("F-fwd-1"), List.of(TX1, TX2),
                "Funds from a designated address reached an exchange in 2 hops.", HOP1, true);
        FlagRow funding = new FlagRow("G-fund-1", "EXCHANGE_FUNDING", "MEDIUM", FUNDER_EXCHANGE, LIFSHITS, "ethereum",
                "ETH", "ETH", 2, List.of("F-bwd-1"), List.of(TX3, TX4),
                "The designated address was funded from an exchange.", null, false);
        FlagRow gone = new FlagRow("G-old-9", "STRUCTURING", "LOW", HOP1, LIFSHITS, "ethereum", "ETH", "ETH", 1,
                List.of(), List.of(), "Several transfers just under the threshold.", null, false);

        return new RunReport("ira-nightly", "2026-11-28", "2026-11-28T02:00:13Z", parameters,
                new Coverage(List.of(new ChainCoverage("ethereum", 10_000_000, 11_500_000, "2020-05-04T00:00:00Z",
                        "2020-12-31T23:59:59Z", 4567, 12, List.of(new AssetCoverage("ETH", "ETH", 18, 4567,
                        "250000000000000000", "0")))), List.of("sample-data/ethereum/transfers.csv")),
                List.of(new DesignationRow("Smith & \"Sons\" Ltd", "29702", List.of("CYBER2", "ELECTION-EO13848"),
                        "ETH", "ethereum", LIFSHITS, "sdn_advanced.xml", true, true)),
                List.of(new ExposureRow("forward", "ethereum", "ETH", HOP1, 1, "2000000000000000000", LIFSHITS, null, null)),
                List.of(forward, backward), List.of(cashOut, funding),
                new Summary(1, 1, 4, Map.of("HIGH", 1, "MEDIUM", 1, "LOW", 0), 4567),
                new Changes("2026-11-27", List.of("G-cash-1"), List.of(gone)),
                List.of(new RejectionRow("transfers.csv", 42, "bad address", "0xzz,1,2")),
                List.of("token 0xabc has no decimals; assumed 18", "[[${1+1}]]"));
    }

    private String render(RunReport report) throws IOException {
        Path file = dir.resolve("ira-nightly/2026-11-28/report.html");
        new HtmlReportWriter().write(report, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void input_text_is_escaped_and_no_script_is_emitted() throws IOException {
        String html = render(sample());
        assertThat(html.toLowerCase()).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("Smith & \"Sons\"").contains("Smith &amp; &quot;Sons&quot; Ltd");
        // output of th:text is never evaluated again as an expression
        assertThat(html).contains("[[${1+1}]]");
    }

    @Test
    void explorer_links_off_leave_no_url_of_another_site_on_the_page() throws IOException {
        assertThat(render(sample())).as("the default links to public explorers").contains("href=\"https://etherscan.io/tx/" + TX1 + "\"");
        Path file = dir.resolve("off/report.html");
        new HtmlReportWriter(ExplorerLinks.NONE).write(sample(), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContain("href=\"//").contains(TX1)
                .contains("Explorer links are off for this job");
    }

    @Test
    void a_self_hosted_explorer_is_linked_escaped_and_no_public_one() throws IOException {
        Path file = dir.resolve("own/report.html");
        new HtmlReportWriter(ExplorerLinks.of(Map.of("ethereum", new ExplorerLinks.Templates(
                "https://explorer.internal/tx/{txid}?view=full&lang=en", "https://explorer.internal/address/{address}"))))
                .write(sample(), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"https://explorer.internal/tx/" + TX1 + "?view=full&amp;lang=en\"")
                .contains("href=\"https://explorer.internal/address/" + EXCHANGE + "\"")
                .doesNotContain("etherscan.io");
    }

    @Test
    void page_loads_nothing_from_the_network() throws IOException {
        String html = render(sample());
        // the only network addresses are the block explorer links a reader may click: <a href> loads nothing
        String withoutLinks = Pattern.compile("(?i)<a( class=\"[^\"]*\")? href=\"https://[^\"]*\" rel=\"noreferrer\"").matcher(html).replaceAll("<a");
        assertThat(html).contains("href=\"https://etherscan.io/tx/", "href=\"https://etherscan.io/address/");
        assertThat(Pattern.compile("(?i)(src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(withoutLinks).find())
                .as("src=/href= to the network").isFalse();
        assertThat(Pattern.compile("(?i)url\\(\\s*[\"']?\\s*(https?:)?//").matcher(withoutLinks).find()).isFalse();
        assertThat(withoutLinks).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
        assertThat(html.toLowerCase()).doesNotContain("<link").doesNotContain("<img").doesNotContain("<iframe");
    }

    @Test
    void page_shows_flags_hashes_drawing_changes_and_parameters() throws IOException {
        String html = render(sample());
        assertThat(html).contains("G-cash-1", "G-fund-1", "F-fwd-1", "F-bwd-1");
        assertThat(html).contains(TX1, TX2, TX3, TX4);
        assertThat(html).contains("<svg", "</svg>", "<path", "0x901b\u2026870e");
        // the graph's arrows carry their amounts (a PDF loses the hover titles)
        assertThat(html).contains("class=\"edge-label\"", ">2 ETH<", ">0.7 ETH<");
        String checksummed = Keys.toChecksumAddress(LIFSHITS);
        assertThat(checksummed).isNotEqualTo(LIFSHITS);
        assertThat(html).contains(checksummed);
        assertThat(html).contains("class=\"badge-new\"");
        // durations in words, not ISO-8601
        assertThat(html).contains("maxHops", "taintModel", "haircut", "rapidPassThroughWindow", "1 hour").doesNotContain("PT1H");
        // changes since the previous run
        assertThat(html).contains("2026-11-27", "G-old-9");
        // display amounts: exact, scaled by decimals, trailing zeros stripped
        assertThat(html).contains(">2<", ">0.7<", ">123456789012.34567890123456789<", ">0.25<");
        // deposit address, coverage, designation flags, rejected record, warnings
        assertThat(html).contains(Keys.toChecksumAddress(HOP1), "sample-data/ethereum/transfers.csv", "CYBER2, ELECTION-EO13848",
                "bad address", "0xzz,1,2", "token 0xabc has no decimals");
        // the HIGH section comes before MEDIUM and LOW
        assertThat(html.indexOf("G-cash-1")).isLessThan(html.indexOf("G-fund-1"));
    }

    @Test
    void drawing_is_capped_with_a_note_and_rejections_list_the_first_twenty() throws IOException {
        RunReport base = sample();
        List<FlowRow> flows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String to = String.format("0x%040x", 0x1000 + i);
            flows.add(new FlowRow("F-" + i, "forward", "ethereum", "ETH", "ETH", 18, LIFSHITS, to, null, null, 1,
                    "1", "0.000000000000000001", List.of(new StepRow(String.format("0x%064x", i), 1, i, 0, LIFSHITS,
                    to, "1", "2020-01-01T00:00:00Z"))));
        }
        List<RejectionRow> rejected = IntStream.rangeClosed(1, 25)
                .mapToObj(i -> new RejectionRow("t.csv", i, "reason-" + i, "record-" + i + ";")).toList();
        RunReport big = new RunReport(base.job(), base.runDate(), base.generatedAt(), base.parameters(),
                base.coverage(), base.designations(), base.exposures(), flows, List.of(), base.summary(),
                new Changes(null, List.of(), List.of()), rejected, List.of());
        String html = render(big);
        assertThat(html).contains("The drawing shows 50 of 60 flows");
        assertThat(html).contains("record-20;").doesNotContain("record-21;");
        assertThat(html).contains("The first 20 of 25 are shown");
        assertThat(html).contains("First run: no earlier completed run");
        // every flow's path is still listed
        assertThat(html).contains(String.format("0x%064x", 59));
    }

    @Test
    void flags_flow_paths_and_new_flags_are_capped_for_a_reader_and_the_page_says_where_the_rest_are() throws IOException {
        RunReport base = sample();
        int n = HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE + 50;
        List<FlowRow> flows = new ArrayList<>();
        List<FlagRow> flags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String to = String.format("0x%040x", 0x1000 + i);
            flows.add(new FlowRow("F-" + i, "forward", "ethereum", "ETH", "ETH", 18, LIFSHITS, to, null, null, 1,
                    "1", "0.000000000000000001", List.of(new StepRow(String.format("0x%064x", i), 1, i, 0, LIFSHITS,
                    to, "1", "2020-01-01T00:00:00Z"))));
            flags.add(new FlagRow(String.format("G-%03d", i), "DIRECT_COUNTERPARTY", "HIGH", to, LIFSHITS, "ethereum", "ETH",
                    "ETH", 1, List.of("F-" + i), List.of(String.format("0x%064x", i)), "paid by a seed", null, true));
        }
        List<String> ids = flags.stream().map(FlagRow::id).toList();
        RunReport later = new RunReport(base.job(), base.runDate(), base.generatedAt(), base.parameters(), base.coverage(),
                base.designations(), base.exposures(), flows, flags, base.summary(),
                new Changes("2026-11-27", ids, List.of()), List.of(), List.of());
        String html = render(later);
        int shown = HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE;
        assertThat(html).contains("This page lists " + shown + " of " + n + " flags");
        assertThat(html.split("class=\"flag-row ", -1)).hasSize(shown + 1);
        assertThat(html).contains("id=\"flag-G-" + String.format("%03d", shown - 1)).doesNotContain("id=\"flag-G-" + String.format("%03d", shown));
        assertThat(html).contains("Flow paths (<span>" + n + "</span>)")
                .contains("Only the first " + HtmlReportWriter.MAX_FLOW_PATHS_SHOWN + " flows are drawn out here");
        assertThat(html).contains("New flags (<span>" + n + "</span>)").contains("The first " + shown + " are listed");

        // a first run says that every flag is new instead of linking each one
        RunReport first = new RunReport(base.job(), base.runDate(), base.generatedAt(), base.parameters(), base.coverage(),
                base.designations(), base.exposures(), flows, flags, base.summary(),
                new Changes(null, ids, List.of()), List.of(), List.of());
        String firstHtml = render(first);
        assertThat(firstHtml).contains("First run").doesNotContain("The first " + shown + " are listed");
        String changes = firstHtml.substring(firstHtml.indexOf("<section id=\"changes\">"));
        assertThat(changes.substring(0, changes.indexOf("</section>"))).doesNotContain("href=\"#flag-");
    }

    @Test
    void each_rule_shows_its_largest_flags_most_severe_rule_first_and_states_its_cap() throws IOException {
        RunReport base = sample();
        int n = HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE + 50;
        List<FlowRow> flows = new ArrayList<>();
        List<FlagRow> flags = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
            String to = String.format("0x%040x", 0x1000 + i);
            flows.add(new FlowRow("F-" + i, "forward", "ethereum", "ETH", "ETH", 18, LIFSHITS, to, null, null, 2,
                    Integer.toString(i + 1), null, List.of()));
            // the report's order: HIGH first; the indirect exposures in an order unrelated to their amounts
            boolean mixer = i < 3;
            flags.add(new FlagRow(String.format("G-%03d", i), mixer ? "MIXER" : "INDIRECT_EXPOSURE", mixer ? "HIGH" : "MEDIUM",
                    to, LIFSHITS, "ethereum", "ETH", "ETH", 2, List.of("F-" + i), List.of(), "flag " + i, null,
                    Long.toString(mixer ? 1 : (i * 7919L) % n + 1), false));
        }
        RunReport report = new RunReport(base.job(), base.runDate(), base.generatedAt(), base.parameters(), base.coverage(),
                base.designations(), base.exposures(), flows, flags, null, new Changes(null, List.of(), List.of()),
                List.of(), List.of());
        String html = render(report);
        int shown = HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE + 3;
        assertThat(html).contains("This page lists " + shown + " of " + (n + 3) + " flags");
        assertThat(html.split("class=\"flag-row ", -1)).hasSize(shown + 1);
        assertThat(html).contains("INDIRECT_EXPOSURE: showing 200 of 250, the largest first; the full list is in flagged-flows.csv")
                .doesNotContain("MIXER: showing");
        // the mixers (HIGH) first, then the indirect exposures from the largest amount down: the 50 smallest left out
        List<Integer> amounts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td class=\"num mono\">([0-9.]+) ETH</td>").matcher(html);
        while (m.find()) amounts.add(new java.math.BigDecimal(m.group(1)).movePointRight(18).intValueExact());
        assertThat(amounts).hasSize(shown);
        assertThat(amounts.subList(0, 3)).containsOnly(1);
        List<Integer> indirect = amounts.subList(3, shown);
        assertThat(indirect).isSortedAccordingTo(java.util.Comparator.reverseOrder()).first().isEqualTo(n);
        assertThat(indirect.getLast()).isEqualTo(n - HtmlReportWriter.MAX_FLAGS_SHOWN_PER_RULE + 1);
    }

    @Test
    void the_page_needs_the_paths_of_the_flows_it_lists_and_of_those_it_draws_only() throws IOException {
        RunReport sample = ReportSamples.sample(300);
        // flags only on the last 50 flows: the drawing shows those, the list shows the first 200
        List<RunReport.FlagRow> flags = sample.flags().subList(250, 300);
        RunReport flagged = new RunReport(sample.job(), sample.runDate(), sample.generatedAt(), sample.parameters(),
                sample.coverage(), sample.designations(), sample.exposures(), sample.flows(), flags, sample.summary(),
                sample.changes(), sample.rejected(), sample.warnings());
        PageFlows page = PageFlows.of(flagged.flows(), flags);
        Set<String> needed = new java.util.HashSet<>();
        page.listed().forEach(f -> needed.add(f.id()));
        page.drawn().forEach(f -> needed.add(f.id()));
        assertThat(needed).hasSize(HtmlReportWriter.MAX_FLOW_PATHS_SHOWN + HtmlReportWriter.MAX_DRAWN_FLOWS)
                .contains("F-1", "F-200", "F-251", "F-300").doesNotContain("F-201", "F-250");

        List<RunReport.FlowRow> someWithout = flagged.flows().stream()
                .map(f -> needed.contains(f.id()) ? f : f.withPath(List.of())).toList();
        RunReport lighter = new RunReport(flagged.job(), flagged.runDate(), flagged.generatedAt(), flagged.parameters(),
                flagged.coverage(), flagged.designations(), flagged.exposures(), someWithout, flags, flagged.summary(),
                flagged.changes(), flagged.rejected(), flagged.warnings());
        assertThat(render(lighter)).isEqualTo(render(flagged));
    }

    @Test
    void empty_report_renders() throws IOException {
        RunReport empty = new RunReport("j", "2026-01-01", "2026-01-01T00:00:00Z", null, null, null, null, null,
                null, null, null, null, null);
        String html = render(empty);
        assertThat(html).contains("No rule fired", "No flows were traced");
    }

    @Test
    void amounts_and_addresses() {
        assertThat(HtmlReportWriter.amount("5000000000000000000", 18)).isEqualTo("5");
        assertThat(HtmlReportWriter.amount("5000000000000000000.0", 18)).isEqualTo("5"); // as stored by older runs
        assertThat(HtmlReportWriter.amount("1", 6)).isEqualTo("0.000001");
        assertThat(HtmlReportWriter.amount("0", 18)).isEqualTo("0");
        assertThat(HtmlReportWriter.amount("120000", 0)).isEqualTo("120000");
        assertThat(HtmlReportWriter.displayAddress(LIFSHITS.toUpperCase().replace("0X", "0x")))
                .isEqualTo(Keys.toChecksumAddress(LIFSHITS));
        assertThat(HtmlReportWriter.displayAddress("bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6"))
                .isEqualTo("bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6");
        assertThat(HtmlReportWriter.shortAddress(LIFSHITS)).isEqualTo("0x901b\u2026870e");
    }
}
