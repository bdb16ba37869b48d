package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.MissingInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EtlExportCheckTest {

    private static final Path JOB = Path.of("jobs/x.yml");
    private static final Path SAMPLE = Path.of("sample-data/ethereum");

    @TempDir
    Path dir;

    @Test
    void theSampleExportHasItsColumnsAndItsReceipts() {
        assertThat(EtlExportCheck.describe(JOB, SAMPLE, false))
                .isEqualTo(SAMPLE + ": ethereum-etl export, with token transfers, receipt status present");
    }

    @Test
    void aFolderWithoutTransactionsIsAnInputNotYetThere() {
        assertThatThrownBy(() -> EtlExportCheck.describe(JOB, dir, false))
                .isInstanceOf(MissingInputException.class)
                .hasMessage(JOB + ": ledger.ethereum.files: " + dir + " has no transactions.csv");
    }

    @Test
    void aMissingColumnIsNamedWithItsFileAndLine() throws IOException {
        List<String> sample = Files.readAllLines(SAMPLE.resolve("transactions.csv")).subList(0, 3);
        Files.write(dir.resolve("transactions.csv"),
                sample.stream().map(l -> l.replaceFirst("^hash,nonce", "txhash,nonce")).toList());
        assertThatThrownBy(() -> EtlExportCheck.describe(JOB, dir, true))
                .isInstanceOf(JobFileException.class)
                .hasMessage(dir.resolve("transactions.csv") + ": line 1: missing column 'hash'");
    }

    @Test
    void noReceiptStatusIsRefusedUnlessTheJobAssumesSuccess() throws IOException {
        Files.write(dir.resolve("transactions.csv"), Files.readAllLines(SAMPLE.resolve("transactions.csv")).subList(0, 3));
        assertThatThrownBy(() -> EtlExportCheck.describe(JOB, dir, false))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("no receipt status").hasMessageContaining("ledger.ethereum.assumeSuccess: true");
        assertThat(EtlExportCheck.describe(JOB, dir, true))
                .isEqualTo(dir + ": ethereum-etl export, without token transfers, receipt status assumed");
        Files.writeString(dir.resolve("receipts.csv"), "transaction_hash,status\n");
        assertThat(EtlExportCheck.describe(JOB, dir, false)).endsWith("receipt status present");
    }
}
