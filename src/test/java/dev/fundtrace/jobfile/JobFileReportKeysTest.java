package dev.fundtrace.jobfile;

import dev.fundtrace.jobfile.JobDefinition.Explorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * report.explorer: public by default, off, or a self-hosted explorer per chain; mistakes are refused at start. And
 * reviews: the reviews.csv the reports apply, a path like any other.
 */
class JobFileReportKeysTest {

    @TempDir
    Path dir;

    private static final String JOB = """
            job: nightly
            designations:
              files: [sdn.xml]
            ledger:
              ethereum:
                files: export
            report:
              formats: [html]
            """;

    private JobDefinition load(String report) throws Exception {
        return new JobFileLoader().load(Files.writeString(dir.resolve("job.yml"), JOB + report));
    }

    @Test
    void explorerLinksArePublicUnlessTheJobSaysOtherwise() throws Exception {
        assertThat(load("").report().explorer()).isEqualTo(Explorer.PUBLIC);
        assertThat(load("  explorer: public\n").report().explorer()).isEqualTo(Explorer.PUBLIC);
    }

    @Test
    void offIsOffQuotedOrNot() throws Exception {
        // a bare off is the boolean false in YAML 1.1
        assertThat(load("  explorer: off\n").report().explorer()).isEqualTo(Explorer.OFF);
        assertThat(load("  explorer: \"off\"\n").report().explorer()).isEqualTo(Explorer.OFF);
    }

    @Test
    void aSelfHostedExplorerNamesItsTemplatesPerChain() throws Exception {
        Explorer e = load("""
                  explorer:
                    ethereum: { tx: "https://eth.internal/tx/{txid}", address: "https://eth.internal/a/{address}" }
                    bitcoin: { tx: "http://btc.internal:3002/tx/{txid}" }
                """).report().explorer();
        assertThat(e.mode()).isEqualTo(Explorer.Mode.SELF_HOSTED);
        assertThat(e.chains()).containsOnlyKeys("ethereum", "bitcoin");
        assertThat(e.chains().get("ethereum")).isEqualTo(new Explorer.ChainLinks("https://eth.internal/tx/{txid}",
                "https://eth.internal/a/{address}"));
        assertThat(e.chains().get("bitcoin").address()).as("addresses of that chain get no link").isNull();
    }

    @Test
    void mistakesInTheExplorerAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("  explorer: etherscan\n")).isInstanceOf(JobFileException.class)
                .hasMessageContaining("report.explorer: public, off, or per chain").hasMessageContaining("not 'etherscan'");
        assertThatThrownBy(() -> load("  explorer: { ethereum: { tx: \"https://eth.internal/tx/\" } }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("report.explorer.ethereum.tx: a URL holding {txid}");
        assertThatThrownBy(() -> load("  explorer: { ethereum: { tx: \"javascript:alert({txid})\" } }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("report.explorer.ethereum.tx: an http or https URL");
        assertThatThrownBy(() -> load("  explorer: { ethereum: { address: \"https://me:secret@eth.internal/{address}\" } }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("report.explorer.ethereum.address: no credentials");
        assertThatThrownBy(() -> load("  explorer: { ether: { tx: \"https://eth.internal/{txid}\" } }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("report.explorer.ether: unknown chain 'ether'");
        assertThatThrownBy(() -> load("  explorer: { ethereum: { transaction: \"https://eth.internal/{txid}\" } }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("report.explorer.ethereum.transaction: unknown key");
    }

    @Test
    void reviewsIsAPathThatMayHoldTheRunDateAndMustExist() throws Exception {
        Path job = Files.writeString(dir.resolve("job.yml"), JOB.replace("report:", "reviews: reviews/{runDate}.csv\nreport:"));
        JobDefinition parsed = new JobFileLoader().parse(job, Files.readString(job), java.time.LocalDate.of(2026, 11, 28));
        assertThat(parsed.reviews()).isEqualTo(dir.resolve("reviews/2026-11-28.csv"));
        assertThat(load("").reviews()).as("none unless named").isNull();
        Files.createFile(dir.resolve("sdn.xml"));
        Files.createDirectories(dir.resolve("export"));
        assertThatThrownBy(() -> new JobFileLoader().checkInputsExist(parsed)).isInstanceOf(MissingInputException.class)
                .hasMessageContaining("reviews: " + dir.resolve("reviews/2026-11-28.csv"));
        Files.createDirectories(dir.resolve("reviews"));
        Files.writeString(dir.resolve("reviews/2026-11-28.csv"), "rule,chain,address,seed,decision,reviewer,date,note\n");
        new JobFileLoader().checkInputsExist(parsed);
    }
}
