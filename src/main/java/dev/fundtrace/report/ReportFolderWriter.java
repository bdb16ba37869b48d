package dev.fundtrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        return write(report, reportDir, formats, null);
    }

    /** @param exposuresJson when not null, report.json takes its exposures from this file (see JsonReportWriter) */
    public Path write(RunReport report, Path reportDir, Set<Format> formats, Path exposuresJson) {
        Path folder = reportDir.resolve(report.job()).resolve(report.runDate());
        try {
            Files.createDirectories(folder);
            // the page is rendered on a second core while the JSON and CSV files are written on this one
            var page = !formats.contains(Format.HTML) ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> atomicallyUnchecked(folder.resolve("report.html"), f -> html.write(report, f)));
            if (formats.contains(Format.JSON)) atomically(folder.resolve("report.json"), f -> {
                if (exposuresJson == null) json.write(report, f); else json.write(report, f, exposuresJson);
            });
            if (formats.contains(Format.CSV)) atomically(folder.resolve("flagged-flows.csv"), f -> csv.writeFlags(report, f));
            atomically(folder.resolve("rejected.csv"), f -> csv.writeRejected(report, f));
            try {
                page.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /**
     * Renders a small made-up report into nothing, so that the template is parsed and the JSON, CSV and HTML code
     * paths have run once before a real report: cold, they took a second of an unchanged night's three. Meant for a
     * core that is otherwise idle (the command line starts it while Spring starts).
     */
    public static void warmUp() {
        RunReport sample = RunReport.sample();
        HtmlReportWriter.render(sample, java.io.Writer.nullWriter());
        JsonReportWriter.warmUp(sample);
        CsvReportWriter.warmUp(sample);
    }

    private interface FileWrite { void to(Path file); }

    private static void atomicallyUnchecked(Path target, FileWrite write) {
        try {
            atomically(target, write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void atomically(Path target, FileWrite write) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        write.to(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
