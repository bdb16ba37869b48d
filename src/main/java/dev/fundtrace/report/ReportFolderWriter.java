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

/**
 * Writes one run's folder {@code <report-dir>/<job>/<run-date>/}. Files are written under temporary names and
 * renamed, so a reader never sees half a report; rejected.csv is always written (operators need it).
 */
public final class ReportFolderWriter {

    public enum Format { HTML, CSV, JSON }

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

    /** A written report folder and what its flags said, for the run's summary. */
    public record Written(Path folder, FlagTally tally) {}

    public Path write(RunReport report, Path reportDir, Set<Format> formats) {
        return write(report, reportDir, formats, JsonFragments.NONE);
    }

    /** @param fragments the arrays report.json takes from files instead of from {@code report} (see JsonReportWriter) */
    public Path write(RunReport report, Path reportDir, Set<Format> formats, JsonFragments fragments) {
        return write(report, reportDir, formats, fragments, () -> { });
    }

    public Path write(RunReport report, Path reportDir, Set<Format> formats, JsonFragments fragments, Runnable beforePublish) {
        return write(ReportInput.of(report, fragments), reportDir, formats, beforePublish).folder();
    }

    /**
     * Writes the folder in one pass over the flags: each goes into report.json and flagged-flows.csv as it comes,
     * and report.html keeps what its page shows of them; the page is rendered once they have all passed. When
     * {@link ReportInput#renderedFlags()} has the flags rendered as tonight would render them, the two files take
     * those renderings instead.
     *
     * @param beforePublish runs once every file is written under its temporary name and before any is renamed into
     *                      place, so that a report appears only once what it stands for is stored
     */
    public Written write(ReportInput in, Path reportDir, Set<Format> formats, Runnable beforePublish) {
        RunReport report = in.report();
        // the flags' renderings are taken from an earlier night's when kept under tonight's key (each flag then passes
        // only for the page and the tally), else kept for the next night
        RenderedFlags rendered = in.renderedFlags();
        Path folder = reportDir.resolve(report.job()).resolve(report.runDate());
        List<Path> targets = new ArrayList<>();
        boolean published = false;
        FlagTally tally = new FlagTally();
        try {
            OwnerOnlyFiles.createDirectories(folder);
            deleteLeftoverTemporaries(folder);
            // each target is listed before it is written, so that a failed write leaves no temporary file behind
            Path jsonFile = folder.resolve("report.json"), csvFile = folder.resolve("flagged-flows.csv");
            Path htmlFile = folder.resolve("report.html");
            if (formats.contains(Format.JSON)) targets.add(jsonFile);
            if (formats.contains(Format.CSV)) targets.add(csvFile);
            if (formats.contains(Format.HTML)) targets.add(htmlFile);
            PagePass page = new PagePass(in.pageFlows());
            Thread warmUp = formats.contains(Format.HTML) ? html.warmUp(report) : null;
            boolean wantJson = formats.contains(Format.JSON), wantCsv = formats.contains(Format.CSV);
            boolean reuse = rendered != null && rendered.available(wantJson, wantCsv);
            boolean keep = rendered != null && !reuse && (wantJson || wantCsv);
            if (reuse && wantCsv) copyRendered(rendered.csv(), temporary(csvFile), csvFile);
            java.io.OutputStream keptJson = keep && wantJson ? keepQuietly(rendered) : null;
            try (ReportJson json = wantJson ? ReportJson.open(in, temporary(jsonFile), jsonFile) : null;
                 CsvReportWriter.FlagRows rows = wantCsv && !reuse ? CsvReportWriter.FlagRows.open(temporary(csvFile), csvFile) : null) {
                if (json != null && reuse) json.spliceFlags(rendered.json());
                else if (json != null) json.startFlags(keptJson);
                in.flags().forEach(f -> {
                    tally.add(f.row());
                    if (json != null && !reuse) json.flag(f);
                    if (rows != null) rows.add(f);
                    page.flag(f);
                });
                IdList newIds = in.newIdsFromFlags() ? tally.newIds()
                        : IdList.of(report.changes() == null ? List.of() : HtmlReportWriter.nz(report.changes().newFlagIds()));
                if (json != null) json.finish(newIds, in.resolvedFlags(), page::resolved);
                else in.resolvedFlags().forEach(page::resolved);
                if (formats.contains(Format.HTML)) {
                    // the page's view is made while the warm-up still renders: only the rendering waits for it
                    HtmlReportWriter.Page view = html.page(in, page.content(), newIds);
                    if (warmUp != null) joinQuietly(warmUp);
                    html.writeFile(view, temporary(htmlFile), htmlFile);
                }
            }
            writeTemporary(targets, folder.resolve("rejected.csv"), f -> csv.writeRejected(report, f));
            // a JSON rendering that could not be recorded is not kept: a later night renders it again
            if (keep && (keptJson != null || !wantJson)) keepQuietly(rendered, keptJson != null, wantCsv ? temporary(csvFile) : null);
            beforePublish.run();
            for (Path target : targets) {
                OwnerOnlyFiles.restrict(temporary(target));
                Files.move(temporary(target), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            published = true;
        } catch (IOException e) {
            throw WriteFailure.of(folder, e);
        } finally {
            if (rendered != null) rendered.discardQuietly();
            if (!published) {
                for (Path target : targets) {
                    try {
                        Files.deleteIfExists(temporary(target));
                    } catch (IOException ignored) {
                        // a leftover temporary file is overwritten by the next attempt
                    }
                }
            }
        }
        return new Written(folder, tally);
    }

    /** Where the flags array is recorded, or null when it cannot be: the report does not depend on its copies. */
    private static java.io.OutputStream keepQuietly(RenderedFlags rendered) {
        try {
            return new java.io.BufferedOutputStream(rendered.keepJson(), 1 << 16);
        } catch (IOException e) {
            return null;
        }
    }

    private static void keepQuietly(RenderedFlags rendered, boolean jsonRecorded, Path csvWritten) {
        try {
            rendered.keep(jsonRecorded, csvWritten);
        } catch (IOException e) {
            try {
                rendered.forget(); // a later night renders its flags again
            } catch (IOException ignored) {
                // no key file to delete, or none that can be: the key is written last, so none names half-kept copies
            }
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyRendered(Path kept, Path temporary, Path target) {
        try {
            Files.copy(kept, temporary, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
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
