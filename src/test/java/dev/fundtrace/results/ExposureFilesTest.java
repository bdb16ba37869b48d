package dev.fundtrace.results;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.report.RunReport.ExposureTotal;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;
import dev.fundtrace.trace.TracedChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace's exposures written in one pass: report.json's array, and page one's per-designation amounts summed
 * exactly on the way (as the database summed them when the exposures were rows).
 */
class ExposureFilesTest {

    @TempDir
    Path dir;

    /** A chain whose exposures are given. */
    private record Given(List<Exposure> all) implements TracedChain {
        public String chain() { return "ethereum"; }
        public void forEachExposure(LabelBook labels, Consumer<Exposure> each) { all.forEach(each); }
        public int exposureCount() { return all.size(); }
        public int reachedAddresses() { return all.size(); }
    }

    @Test
    void writesEveryExposureAndSumsPerSeedAssetDirectionFirstHopAndKind() throws Exception {
        BigInteger big = new BigInteger("40000000000000000000");
        List<Exposure> all = List.of(
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xa", 1, big, "0xs", null, null),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xb", 1, BigInteger.ONE, "0xs", null, null),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xe", 2, BigInteger.TEN, "0xs", "Binance 7", "Exchange"),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xt", 3, BigInteger.TWO, "0xs", null, null),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xz", 3, BigInteger.ZERO, "0xs", null, null),
                new Exposure(Direction.BACKWARD, "ethereum", "ETH", "0xf", 1, BigInteger.valueOf(5), "0xs", null, null));
        ExposureFiles files = new ExposureFiles(dir);
        assertThat(files.exist()).isFalse();
        assertThat(files.write(List.of(new Given(all)), LabelBook.empty(), List.of("0xt", "0xs"))).isEqualTo(6);
        assertThat(files.exist()).isTrue();
        assertThat(files.totals()).containsExactlyInAnyOrder(
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", true, null, "40000000000000000001"),
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", false, "exchange", "10"),
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", false, "sanctioned", "2"),
                new ExposureTotal("ethereum", "0xs", "ETH", "backward", true, null, "5"));
        var json = JsonMapper.builder().build().readTree(files.json().toFile());
        assertThat(json.size()).isEqualTo(6);
        assertThat(json.get(0).get("taintedAmountRaw").asString()).isEqualTo("40000000000000000000");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("exposures.json", "exposure-totals.json");
        }
        files.forget();
        assertThat(files.exist()).isFalse();
    }
}
