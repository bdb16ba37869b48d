package dev.fundtrace.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night whose flags are rendered as an earlier night kept them writes the same report.json and flagged-flows.csv as
 * one that renders every flag; a key that differs (other reviews) renders again.
 */
class RenderedFlagsTest {

    @TempDir
    Path dir;

    private static final EnumSet<ReportFolderWriter.Format> ALL = EnumSet.allOf(ReportFolderWriter.Format.class);

    @Test
    void aNightTakingTheKeptRenderingsWritesWhatAFreshRenderingWrites() throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        assertThat(report.flags()).hasSizeGreaterThan(1);
        Path fresh = write(report, dir.resolve("fresh"), null);
        RenderedFlags kept = new RenderedFlags(dir.resolve("kept"), "none new\nmarks\n");
        Path first = write(report, dir.resolve("first"), kept);
        assertThat(kept.available(true, true)).as("kept by the first night").isTrue();
        Path second = write(report, dir.resolve("second"), kept);
        for (String file : List.of("report.json", "flagged-flows.csv", "report.html", "rejected.csv")) {
            assertThat(Files.mismatch(first.resolve(file), fresh.resolve(file))).as("first night's " + file).isEqualTo(-1);
            assertThat(Files.mismatch(second.resolve(file), fresh.resolve(file))).as("second night's " + file).isEqualTo(-1);
        }
    }

    @Test
    void renderingsKeptUnderAnotherKeyAreNotTaken() throws Exception {
        RunReport report = HtmlReportWriterTest.sample();
        Path fresh = write(report, dir.resolve("fresh"), null);
        write(report, dir.resolve("first"), new RenderedFlags(dir.resolve("kept"), "marks A"));
        // a kept array that would show if taken
        Files.writeString(dir.resolve("kept").resolve(RenderedFlags.JSON), " : [ \"not tonight's\" ]");
        RenderedFlags other = new RenderedFlags(dir.resolve("kept"), "marks B");
        assertThat(other.available(true, true)).isFalse();
        Path second = write(report, dir.resolve("second"), other);
        assertThat(Files.mismatch(second.resolve("report.json"), fresh.resolve("report.json"))).isEqualTo(-1);
        assertThat(other.available(true, true)).as("kept anew under the new key").isTrue();
    }

    private static Path write(RunReport report, Path reportDir, RenderedFlags rendered) {
        ReportInput of = ReportInput.of(report);
        ReportInput in = new ReportInput(of.report(), of.exposuresJson(), of.flowsJson(), of.flags(), of.resolvedFlags(),
                of.newIdsFromFlags(), of.pageFlows(), of.labels(), rendered);
        return new ReportFolderWriter().write(in, reportDir, ALL, () -> { }).folder();
    }
}
