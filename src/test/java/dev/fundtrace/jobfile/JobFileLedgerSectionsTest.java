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
    void aBitcoinFamilySectionIsRecognisedAndRefusedUntilItsFamilyIsTraced() {
        assertThatThrownBy(() -> parse("ledger:\n  ethereum: { files: x }\n  bitcoin: { files: ../exports/btc }\n"))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("ledger.bitcoin").hasMessageContaining("not traced by this version yet");
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
