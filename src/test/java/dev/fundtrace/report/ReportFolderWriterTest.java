package dev.fundtrace.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report folder appears whole, and only once what it stands for is stored. */
class ReportFolderWriterTest {

    @TempDir
    Path dir;

    private static final EnumSet<ReportFolderWriter.Format> ALL = EnumSet.allOf(ReportFolderWriter.Format.class);

    @Test
    void filesAreRenamedIntoPlaceOnlyAfterTheHookAndNotAtAllWhenItFails() throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        Path folder = dir.resolve(report.job()).resolve(report.runDate());
        AtomicReference<List<String>> seenByHook = new AtomicReference<>();
        new ReportFolderWriter().write(report, dir, ALL, JsonFragments.NONE, () -> {
            try (var files = Files.list(folder)) {
                seenByHook.set(files.map(f -> f.getFileName().toString()).sorted().toList());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // while the hook ran, every file was written but none was in place yet
        assertThat(seenByHook.get()).containsExactly(".flagged-flows.csv.tmp", ".rejected.csv.tmp", ".report.html.tmp", ".report.json.tmp");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("flagged-flows.csv", "rejected.csv", "report.html", "report.json");
        }

        Path other = dir.resolve("failing");
        assertThatThrownBy(() -> new ReportFolderWriter().write(report, other, ALL, JsonFragments.NONE, () -> {
            throw new IllegalStateException("exposures not stored");
        })).hasMessage("exposures not stored");
        try (var files = Files.list(other.resolve(report.job()).resolve(report.runDate()))) {
            assertThat(files).as("neither the report nor its temporary files").isEmpty();
        }
    }

    @Test
    void theTemporaryFilesOfAnAttemptKilledWhileWritingAreClearedAndEveryFileIsOwnerOnly() throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        Path folder = Files.createDirectories(dir.resolve(report.job()).resolve(report.runDate()));
        // what a kill during the first write leaves: the page's own temporary and the folder writer's
        Files.writeString(folder.resolve(".report.html.tmp.3f1c9a2e-6b1d-4b8e-9c55-0c7d2a1e4b10.tmp"), "<html>half");
        Files.writeString(folder.resolve(".report.json.tmp"), "{\"half\"");
        Files.writeString(folder.resolve("notes.txt"), "an analyst's own file stays");
        new ReportFolderWriter().write(report, dir, ALL);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("flagged-flows.csv", "notes.txt", "rejected.csv", "report.html", "report.json");
        }
        for (String f : List.of("flagged-flows.csv", "rejected.csv", "report.html", "report.json")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(f))))
                    .as(f).isEqualTo("rw-------");
        }
    }
}
