package dev.fundtrace.report;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.files.WriteFailure;
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
    private final HtmlReportWriter html;

    /** A writer whose page links to the chains' public block explorers. */
    public ReportFolderWriter() {
        this(ExplorerLinks.PUBLIC);
    }

    /** @param links where the page's transactions and addresses link to */
    public ReportFolderWriter(ExplorerLinks links) {
        this.html = new HtmlReportWriter(links);
    }

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
            OwnerOnlyFiles.createDirectories(folder);
            deleteLeftoverTemporaries(folder);
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
                OwnerOnlyFiles.restrict(temporary(target));
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

    /**
     * The temporary files of an attempt that was killed while writing (a page's {@code .report.html.tmp.<uuid>.tmp}
     * among them): only this folder's writer makes dot-files ending in .tmp.
     */
    private static void deleteLeftoverTemporaries(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(f)) Files.deleteIfExists(f);
            }
        }
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
