package dev.fundtrace.cli;

import dev.fundtrace.batch.LedgerChecks;
import dev.fundtrace.designation.DesignationReader;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.JobFileLoader;
import dev.fundtrace.labels.LabelFileReader;
import dev.fundtrace.review.ReviewFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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
        LedgerChecks.describe(job).forEach(line -> System.out.println("  " + line));
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
