package dev.fundtrace.cli;

import dev.fundtrace.designation.DesignationReader;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.JobFileLoader;
import dev.fundtrace.jobfile.MissingInputException;
import dev.fundtrace.labels.LabelFileReader;
import dev.fundtrace.review.ReviewFileReader;
import dev.fundtrace.chain.ethereum.etl.CsvScanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code validate}: the job file, its inputs and their headers, without running anything. */
final class Validation {

    JobDefinition check(Path jobFile, LocalDate runDate) {
        JobFileLoader loader = new JobFileLoader();
        JobDefinition job = loader.parse(jobFile, JobFileLoader.read(jobFile), runDate);
        loader.checkInputsExist(job);
        for (Path f : job.designations().files()) {
            var d = new DesignationReader().read(f);
            System.out.println("  " + f.getFileName() + ": " + d.format() + ", " + d.designations().size()
                    + " addresses, " + d.rejections().size() + " refused");
        }
        for (Path f : job.labels()) {
            try {
                var l = new LabelFileReader().read(f);
                System.out.println("  " + f.getFileName() + ": " + l.labels().size() + " labels, " + l.rejections().size() + " refused");
            } catch (IllegalArgumentException e) {
                throw new JobFileException(e.getMessage());
            }
        }
        if (job.reviews() != null) {
            var r = new ReviewFileReader().parse(job.reviews().getFileName().toString(), bytes(job.reviews()));
            System.out.println("  " + job.reviews().getFileName() + ": " + r.reviews().size() + " reviews, "
                    + r.rejections().size() + " refused");
            r.rejections().forEach(x -> System.out.println("    " + x.source() + ": line " + x.line() + ": " + x.reason()));
        }
        job.ledger().chains().values().forEach(source -> {
            if (source instanceof JobDefinition.UtxoLedger u) {
                System.out.println("  " + u.files() + ": bitcoin-etl export folder for " + u.chain().id() + " (read by the run)");
            }
        });
        var eth = job.ledger().ethereum();
        if (eth == null) {
            return job;
        } else if (eth.fromFiles()) {
            Path tx = eth.files().resolve("transactions.csv");
            if (!Files.isRegularFile(tx)) throw new MissingInputException(job.jobFile() + ": ledger.ethereum.files: " + eth.files() + " has no transactions.csv");
            CsvScanner csv = CsvScanner.open(tx);
            for (String c : List.of("hash", "block_number", "transaction_index", "from_address", "to_address", "value")) {
                if (!csv.has(c)) throw new JobFileException(tx + ": line 1: missing column '" + c + "'");
            }
            boolean status = csv.has("receipt_status") || Files.isRegularFile(eth.files().resolve("receipts.csv"));
            if (!status && !eth.assumeSuccess()) {
                throw new JobFileException(eth.files() + ": no receipt status (no receipt_status column, no receipts.csv); "
                        + "set ledger.ethereum.assumeSuccess: true to trace anyway");
            }
            System.out.println("  " + eth.files() + ": ethereum-etl export, " + Files.isRegularFile(eth.files().resolve("token_transfers.csv"))
                    + " token transfers, receipt status " + (status ? "present" : "assumed"));
        } else {
            System.out.println("  ledger: JSON-RPC node (not contacted by validate)");
        }
        return job;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
