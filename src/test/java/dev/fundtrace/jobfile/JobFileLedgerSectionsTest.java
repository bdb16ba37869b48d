package dev.fundtrace.jobfile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `ledger:` holds one section per chain id, and a job file's text parses the same wherever it is read from. */
class JobFileLedgerSectionsTest {

    static final Path JOB_FILE = Path.of("/srv/jobs/nightly.yml");
    static final String HEAD = """
            job: nightly
            designations:
              files: [../ofac/sdn_advanced.xml]
            """;

    private static JobDefinition parse(String ledger) {
        return new JobFileLoader().parse(JOB_FILE, HEAD + ledger);
    }

    @Test
    void theChainsAreKeyedByChainIdAndPathsResolveAgainstTheJobFilesFolder() {
        JobDefinition job = parse("ledger:\n  ethereum:\n    files: ../exports/eth\n  maxRejectedShare: 0.02\n");
        assertThat(job.ledger().chains()).containsOnlyKeys("ethereum");
        assertThat(job.ledger().ethereum().files()).isEqualTo(Path.of("/srv/exports/eth"));
        assertThat(job.ledger().maxRejectedShare()).isEqualTo(0.02);
        assertThat(job.designations().files()).containsExactly(Path.of("/srv/ofac/sdn_advanced.xml"));
    }

    @Test
    void aBitcoinFamilySectionNamesItsExportFolder() {
        var job = parse("ledger:\n  ethereum: { files: x }\n  bitcoin: { files: ../exports/btc }\n  bitcoinsv: { files: bsv }\n");
        assertThat(job.ledger().chains().keySet()).containsExactly("ethereum", "bitcoin", "bitcoinsv");
        var btc = (JobDefinition.UtxoLedger) job.ledger().chains().get("bitcoin");
        assertThat(btc.chain()).isEqualTo(dev.fundtrace.ledger.Chain.BITCOIN);
        assertThat(btc.files()).isEqualTo(Path.of("/srv/exports/btc"));
    }

    @Test
    void aJobMayTraceUtxoChainsOnly() {
        var job = parse("ledger:\n  litecoin: { files: ltc }\n");
        assertThat(job.ledger().ethereum()).isNull();
        assertThat(job.ledger().chains().keySet()).containsExactly("litecoin");
    }

    @Test
    void aBitcoinFamilySectionTakesOnlyFiles() {
        assertThatThrownBy(() -> parse("ledger:\n  bitcoin: { files: btc, rpc: http://127.0.0.1:8332 }\n"))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("ledger.bitcoin.rpc").hasMessageContaining("takes only 'files'");
        assertThatThrownBy(() -> parse("ledger:\n  dash: { }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("ledger.dash.files");
    }

    @Test
    void clusteringIsReportedAndDoesNotExtendSeedsUnlessAsked() {
        assertThat(parse("ledger:\n  bitcoin: { files: btc }\n").trace().clustering())
                .isEqualTo(new JobDefinition.Clustering(true, false));
        assertThat(parse("ledger:\n  bitcoin: { files: btc }\ntrace:\n  clustering: { enabled: false, extendSeeds: true }\n")
                .trace().clustering()).isEqualTo(new JobDefinition.Clustering(false, true));
    }

    @Test
    void anUnknownChainIsAnUnknownKey() {
        assertThatThrownBy(() -> parse("ledger:\n  ethereum: { files: x }\n  solana: { files: y }\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("unknown key 'ledger.solana'");
    }

    @Test
    void aLedgerWithNoChainIsRefused() {
        assertThatThrownBy(() -> parse("ledger:\n  maxRejectedShare: 0.01\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("ledger.ethereum");
    }
}
