package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.MissingInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code validate} can tell of an ethereum-etl export folder without loading it: transactions.csv is there with
 * the columns the load needs, and each transaction's receipt status is known (or the job says to assume success).
 */
public final class EtlExportCheck {

    private static final List<String> TRANSACTION_COLUMNS =
            List.of("hash", "block_number", "transaction_index", "from_address", "to_address", "value");

    private EtlExportCheck() {}

    /**
     * One line describing the export, for the command's output.
     *
     * @throws MissingInputException when the folder has no transactions.csv (an export not yet written)
     * @throws JobFileException when its header lacks a column, or no receipt status exists and the job does not assume success
     */
    public static String describe(Path jobFile, Path folder, boolean assumeSuccess) {
        Path transactions = folder.resolve("transactions.csv");
        if (!Files.isRegularFile(transactions)) {
            throw new MissingInputException(jobFile + ": ledger.ethereum.files: " + folder + " has no transactions.csv");
        }
        CsvScanner csv = CsvScanner.open(transactions);
        for (String column : TRANSACTION_COLUMNS) {
            if (!csv.has(column)) throw new JobFileException(transactions + ": line 1: missing column '" + column + "'");
        }
        boolean status = csv.has("receipt_status") || Files.isRegularFile(folder.resolve("receipts.csv"));
        if (!status && !assumeSuccess) {
            throw new JobFileException(folder + ": no receipt status (no receipt_status column, no receipts.csv); "
                    + "set ledger.ethereum.assumeSuccess: true to trace anyway");
        }
        return folder + ": ethereum-etl export, " + (Files.isRegularFile(folder.resolve("token_transfers.csv")) ? "with" : "without")
                + " token transfers, receipt status " + (status ? "present" : "assumed");
    }
}
