package dev.fundtrace.report;

import dev.fundtrace.report.RunReport.ChainCoverage;
import dev.fundtrace.report.RunReport.ClusterRow;
import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.StepRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A UTXO chain on the page: coins in the flow steps, explorer links of that chain, the seeds' clusters, coverage. */
class UtxoReportPageTest {

    static final String SEED = "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz";
    static final String OTHER = "bc1qge8njeaq68dc84jucncsk9kp72lyyx67ktv3rh";
    static final String TX = "a0ed76de630f592e" + "0".repeat(48);
    static final String PARENT = "99db39d938971c01" + "1".repeat(48);

    @TempDir
    Path dir;

    private String page() throws Exception {
        var step = new StepRow(TX, 645000, 3, 0, SEED, OTHER, "150000000", "2020-09-01T10:00:00Z",
                PARENT + ":1", TX + ":0", "150000000");
        var flow = new FlowRow("F-1", "forward", "bitcoin", "BTC", "BTC", 8, SEED, OTHER, null, null, 1,
                "150000000", "1.5", List.of(step));
        var flag = new FlagRow("G-1", "DIRECT_COUNTERPARTY", "HIGH", OTHER, SEED, "bitcoin", "BTC", "BTC", 1,
                List.of("F-1"), List.of(TX), OTHER + " received 1.5 BTC from a designated address.", null, true);
        var cluster = new ClusterRow("bitcoin", List.of(SEED), 2, List.of(SEED, "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U"),
                List.of(PARENT), List.of(), "multi-input; CoinJoin-shaped transactions excluded");
        var coverage = new ChainCoverage("bitcoin", 643000, 647899, "2020-08-09T07:58:20Z", "2020-09-12T08:30:54Z",
                1057L, 2024L, 842L, 1662L, 4695L, 0L, "875564340085", "9770924", 4695, 0,
                List.of(new RunReport.AssetCoverage("BTC", "BTC", 8, 4695, "0", "0", "181050")));
        var report = new RunReport("ira-nightly", "2026-11-28", "2026-11-28T02:00:00Z", Map.of("maxHops", 4),
                new RunReport.Coverage(List.of(coverage), List.of()), List.of(), List.of(), List.of(flow), List.of(flag),
                new RunReport.Summary(1, 1, 1, Map.of("HIGH", 1), 4695), null, List.of(), List.of(), List.of(cluster));
        Path file = dir.resolve("report.html");
        new HtmlReportWriter().write(report, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void coinStepsNameTheCoinsTheySpentAndCreated() throws Exception {
        String html = page();
        assertThat(html).contains("spent <span>" + PARENT + ":1</span>", "created <span>" + TX + ":0</span>");
    }

    @Test
    void transactionsAndAddressesLinkToTheirChainsExplorer() throws Exception {
        String html = page();
        assertThat(html).contains("href=\"https://mempool.space/tx/" + TX + "\"",
                "href=\"https://mempool.space/address/" + OTHER + "\"");
        assertThat(html).doesNotContain("etherscan.io");
    }

    @Test
    void theSeedsClustersAreListedWithTheTransactionsThatLinkedThem() throws Exception {
        String html = page();
        assertThat(html).contains("id=\"clusters\"", "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U",
                "href=\"https://mempool.space/tx/" + PARENT + "\"");
    }

    @Test
    void coverageSaysWhatTheUtxoLoadRead() throws Exception {
        assertThat(page()).contains("2,024 transactions (842 coinbase), 1,662 inputs (0 unresolved), 4,695 outputs; fees 0.09770924 BTC");
    }
}
