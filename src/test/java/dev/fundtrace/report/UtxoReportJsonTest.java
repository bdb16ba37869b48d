package dev.fundtrace.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** report.json's UTXO fields (utxo.md, "What report.json gains"), and an account chain's rows without them. */
class UtxoReportJsonTest {

    @TempDir
    Path dir;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCoinExposureStatesItsDisplayAmountAndItsCoin() throws Exception {
        Path file = dir.resolve("exposures.json");
        JsonReportWriter.writeExposures(List.of(
                new RunReport.ExposureRow("forward", "bitcoin", "BTC", "1Kr6QSydW9bFQG1mXiPNNu6WpJGmUa9i1g", 2, "8641974",
                        "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz", null, null, "0.08641974", List.of("ab".repeat(32) + ":1")),
                new RunReport.ExposureRow("forward", "ethereum", "ETH", "0x" + "1".repeat(40), 1, "5", "0x" + "2".repeat(40),
                        null, null)), file);
        JsonNode rows = JSON.readTree(file.toFile());
        assertThat(rows.get(0).get("taintedAmountRaw").asString()).isEqualTo("8641974");
        assertThat(rows.get(0).get("taintedAmount").asString()).isEqualTo("0.08641974");
        assertThat(rows.get(0).get("evidence").get(0).asString()).isEqualTo("ab".repeat(32) + ":1");
        assertThat(rows.get(0).get("address").asString()).as("Base58 keeps its case").isEqualTo("1Kr6QSydW9bFQG1mXiPNNu6WpJGmUa9i1g");
        assertThat(rows.get(1).has("evidence")).isFalse();
        assertThat(rows.get(1).has("taintedAmount")).isFalse();
    }

    @Test
    void aCoinStepNamesTheCoinsAndItsTaint() throws Exception {
        Path file = dir.resolve("flows.json");
        var step = new RunReport.StepRow("cd".repeat(32), 645000, 3, 0, null, "1Kr6QSydW9bFQG1mXiPNNu6WpJGmUa9i1g",
                "70000000", "2020-09-01T10:00:00Z", "ab".repeat(32) + ":0", "cd".repeat(32) + ":0", "8641974");
        JsonReportWriter.writeFlows(List.of(new RunReport.FlowRow("F-1", "forward", "bitcoin", "BTC", "BTC", 8, "s", "e",
                null, null, 1, "8641974", "0.08641974", List.of(step))), file);
        JsonNode s = JSON.readTree(file.toFile()).get(0).get("path").get(0);
        assertThat(s.get("spent").asString()).endsWith(":0");
        assertThat(s.get("outpoint").asString()).startsWith("cdcd");
        assertThat(s.get("taintRaw").asString()).isEqualTo("8641974");
        assertThat(s.get("from").isNull()).as("an addressless coin has no holder").isTrue();
    }

    @Test
    void clustersAndCoinCoverageAreInTheReportAndAnAccountChainsCoverageKeepsItsShape() throws Exception {
        var btc = new RunReport.ChainCoverage("bitcoin", 1, 2, null, null, 2L, 3L, 1L, 2L, 4L, 0L, "100", "5", 4, 0,
                List.of(new RunReport.AssetCoverage("BTC", "BTC", 8, 4, "0", "0", "5")));
        var eth = new RunReport.ChainCoverage("ethereum", 1, 2, null, null, 10, 1,
                List.of(new RunReport.AssetCoverage("ETH", "ETH", 18, 10, "0", "0")));
        var cluster = new RunReport.ClusterRow("bitcoin", List.of("1a"), 2, List.of("1a", "1b"), List.of("ef".repeat(32)),
                List.of(), "multi-input; CoinJoin-shaped transactions excluded");
        var report = new RunReport("j", "2026-11-28", "t", java.util.Map.of(), new RunReport.Coverage(List.of(btc, eth), List.of()),
                List.of(), List.of(), List.of(), List.of(), new RunReport.Summary(0, 0, 0, java.util.Map.of(), 0), null,
                List.of(), List.of(), List.of(cluster));
        Path file = dir.resolve("report.json");
        new JsonReportWriter().write(report, file);
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.get("clusters").get(0).get("addresses").size()).isEqualTo(2);
        JsonNode chains = json.get("coverage").get("chains");
        assertThat(chains.get(0).get("feesRaw").asString()).isEqualTo("5");
        assertThat(chains.get(0).get("assets").get(0).get("taintToFeesRaw").asString()).isEqualTo("5");
        assertThat(chains.get(1).has("feesRaw")).isFalse();
        assertThat(chains.get(1).get("assets").get(0).has("taintToFeesRaw")).isFalse();
    }
}
