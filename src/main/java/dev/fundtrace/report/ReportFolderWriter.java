package dev.fundtrace.report;

import dev.fundtrace.io.WriteFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes one run's folder {@code <report-dir>/<job>/<run-date>/}. Files are written under temporary names and
 * renamed, so a reader never sees half a report; rejected.csv is always written (operators need it).
 */
public final class ReportFolderWriter {

    public enum Format { HTML, CSV, JSON }

    private final JsonReportWriter json = new JsonReportWriter();
    private final CsvReportWriter csv = new CsvReportWriter();
    private final HtmlReportWriter html = new HtmlReportWriter();

    public Path write(RunReport report, Path reportDir, Set<Format> formats) {
        return write(report, reportDir, formats, JsonFragments.NONE);
    }

    /** @param fragments the arrays report.json takes from files instead of from {@code report} (see JsonReportWriter) */
    public Path write(RunReport report, Path reportDir, Set<Format> formats, JsonFragments fragments) {
        return write(report, reportDir, formats, fragments, () -> { });
    }

    /**
     * @param beforePublish runs once every file is written under its temporary name and before any is renamed into
     *                      place, so that a report appears only once what it stands for is stored
     */
    public Path write(RunReport report, Path reportDir, Set<Format> formats, JsonFragments fragments, Runnable beforePublish) {
        Path folder = reportDir.resolve(report.job()).resolve(report.runDate());
        List<Path> targets = new ArrayList<>();
        boolean published = false;
        CompletableFuture<Void> page = CompletableFuture.completedFuture(null);
        try {
            Files.createDirectories(folder);
            // the page is rendered on a second core while the JSON and CSV files are written on this one
            if (formats.contains(Format.HTML)) {
                targets.add(folder.resolve("report.html"));
                page = CompletableFuture.runAsync(() -> writeTemporaryUnchecked(folder.resolve("report.html"), f -> html.writeFile(report, f)));
            }
            // each target is listed before it is written, so that a failed write leaves no temporary file behind
            if (formats.contains(Format.JSON)) writeTemporary(targets, folder.resolve("report.json"), f -> json.write(report, f, fragments));
            if (formats.contains(Format.CSV)) writeTemporary(targets, folder.resolve("flagged-flows.csv"), f -> csv.writeFlags(report, f));
            writeTemporary(targets, folder.resolve("rejected.csv"), f -> csv.writeRejected(report, f));
            try {
                page.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
            beforePublish.run();
            for (Path target : targets) {
                Files.move(temporary(target), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            published = true;
        } catch (IOException e) {
            throw WriteFailure.of(folder, e);
        } finally {
            if (!published) {
                try {
                    page.join(); // the page may still be writing its temporary file
                } catch (RuntimeException ignored) {
                    // its failure, if any, is already thrown or comes second to the one thrown
                }
                for (Path target : targets) {
                    try {
                        Files.deleteIfExists(temporary(target));
                    } catch (IOException ignored) {
                        // a leftover temporary file is overwritten by the next attempt
                    }
                }
            }
        }
        return folder;
    }

    /** Rows of the made-up report a warm-up renders: about what a page shows (200 flows, 200 flags a severity). */
    static final int WARM_UP_ROWS = 300;
    /**
     * Rounds of it: the first loads and parses (0.9 s), the next two get the hot code compiled (0.2-0.3 s each).
     * One round left an unchanged night's page and JSON at 0.6-0.7 s each; three took them to 0.25-0.45 s.
     */
    static final int WARM_UP_ROUNDS = 3;

    /**
     * Renders a page-sized made-up report into nothing, so that the template is parsed and the JSON, CSV and HTML
     * code is compiled before a real report: cold, it took most of an unchanged night's report step. Meant for a
     * core that is otherwise idle (the command line runs it while Spring starts), so it stops after the round in
     * progress once {@code keepGoing} says the job has begun.
     *
     * @return the rounds rendered
     */
    public static int warmUp(java.util.function.BooleanSupplier keepGoing) {
        RunReport sample = RunReport.sample(WARM_UP_ROWS);
        int round = 0;
        do {
            HtmlReportWriter.render(sample, java.io.Writer.nullWriter());
            JsonReportWriter.warmUp(sample);
            CsvReportWriter.warmUp(sample);
            round++;
        } while (round < WARM_UP_ROUNDS && keepGoing.getAsBoolean());
        return round;
    }

    private interface FileWrite { void to(Path file); }

    private static void writeTemporaryUnchecked(Path target, FileWrite write) {
        try {
            writeTemporary(target, write);
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
    }

    /**
     * Writes what will become {@code target} under a temporary name beside it; returns the target. A failure names
     * the target, the file the operator knows, and what the system said (a full disk: "no space left on device").
     */
    private static Path writeTemporary(Path target, FileWrite write) throws IOException {
        try {
            write.to(temporary(target));
        } catch (RuntimeException e) {
            throw WriteFailure.of(target, e);
        }
        return target;
    }

    private static void writeTemporary(List<Path> targets, Path target, FileWrite write) throws IOException {
        targets.add(target);
        writeTemporary(target, write);
    }

    private static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }
}
