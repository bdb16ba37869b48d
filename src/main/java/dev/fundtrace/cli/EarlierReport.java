package dev.fundtrace.cli;

import dev.fundtrace.store.RunDao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A rerun writes the run date's report folder afresh; the folder of the run it replaces is kept beside it as
 * {@code <run date>.run-<id>}, so what an investigator already read is never overwritten.
 */
final class EarlierReport {
    private EarlierReport() {}

    static void keep(RunDao runs, String job, LocalDate runDate, Path reportRoot) {
        Path folder = reportRoot.resolve(job).resolve(runDate.toString()).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) return;
        runs.history(job).stream()
                .filter(r -> r.runDate().equals(runDate) && r.reportDir() != null
                        && Path.of(r.reportDir()).toAbsolutePath().normalize().equals(folder))
                .max(Comparator.comparing(RunDao.RunRow::startedAt).thenComparing(RunDao.RunRow::runId))
                .ifPresent(earlier -> {
                    Path kept = folder.resolveSibling(runDate + ".run-" + earlier.runId());
                    try {
                        Files.move(folder, kept);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot keep the earlier report " + folder + " as " + kept
                                + ": " + e.getMessage(), e);
                    }
                    runs.reportMoved(earlier.runId(), kept.toString());
                    System.err.println("fundtrace: the earlier report of " + runDate + " (run " + earlier.runId()
                            + ") is kept in " + kept);
                });
    }
}
