package dev.fundtrace.jobfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #17, items 4 and 10, and {runDate}: what the job file's errors say, and where. */
class JobFileMessagesTest {

    @TempDir
    Path dir;

    private static final Path SAMPLE = Path.of("jobs/ira-nightly.yml").toAbsolutePath();

    private Path sampleWith(String from, String to) throws Exception {
        String sample = Files.readString(SAMPLE);
        String changed = sample.replace(from, to);
        assertThat(changed).isNotEqualTo(sample);
        return Files.writeString(dir.resolve("job.yml"), changed);
    }

    private static int lineOf(String text, String line) {
        return (int) text.lines().takeWhile(l -> !l.equals(line)).count() + 1;
    }

    @Test
    void anUnknownTopLevelKeyIsReportedOnItsOwnLine() throws Exception {
        Path job = sampleWith("designations:\n", "foo: 1\ndesignations:\n");
        int line = lineOf(Files.readString(job), "foo: 1");
        assertThatThrownBy(() -> new JobFileLoader().load(job)).isInstanceOf(JobFileException.class)
                .hasMessageContaining(": line " + line + ": unknown key 'foo' (allowed here: ");
    }

    @Test
    void aMisspelledNestedKeyIsReportedOnItsOwnLine() throws Exception {
        Path job = sampleWith("  maxHops: 4\n", "  maxHop: 4\n");
        int line = lineOf(Files.readString(job), "  maxHop: 4");
        assertThatThrownBy(() -> new JobFileLoader().load(job))
                .hasMessageContaining(": line " + line + ": unknown key 'trace.maxHop'");
    }

    @Test
    void aValueOfTheWrongKindIsASentenceWithoutDataBindingsText() throws Exception {
        Path job = sampleWith("  maxHops: 4\n", "  maxHops: [4]\n");
        int line = lineOf(Files.readString(job), "  maxHops: [4]");
        assertThatThrownBy(() -> new JobFileLoader().load(job))
                .hasMessageEndingWith("job.yml: trace.maxHops: line " + line + ": a whole number is expected, not a list")
                .message().doesNotContain("deserialize").doesNotContain("JsonToken").doesNotContain("java.lang");
        Path text = sampleWith("  maxHops: 4\n", "  maxHops: four\n");
        assertThatThrownBy(() -> new JobFileLoader().load(text))
                .hasMessageEndingWith("trace.maxHops: line " + line + ": a whole number is expected, not 'four'");
        Path fraction = sampleWith("  maxHops: 4\n", "  maxHops: 4.5\n");
        assertThatThrownBy(() -> new JobFileLoader().load(fraction))
                .hasMessageEndingWith("trace.maxHops: line " + line + ": a whole number is expected, not '4.5'");
        Path huge = sampleWith("  maxHops: 4\n", "  maxHops: 99999999999\n");
        assertThatThrownBy(() -> new JobFileLoader().load(huge))
                .hasMessageEndingWith("trace.maxHops: line " + line + ": the number is too large here");
        Path flag = sampleWith("enabled: true", "enabled: maybe");
        assertThatThrownBy(() -> new JobFileLoader().load(flag))
                .hasMessageContaining("trace.clustering.enabled: line ").hasMessageEndingWith("true or false is expected, not 'maybe'");
        Path section = sampleWith("  dir: ../reports\n", "  dir: { path: x }\n");
        assertThatThrownBy(() -> new JobFileLoader().load(section))
                .hasMessageContaining("report.dir: line ").hasMessageEndingWith("a single value (text) is expected, not a section of keys");
    }

    @Test
    void runDateInAPathIsTheRunsDate() throws Exception {
        Path job = sampleWith("    files: ../sample-data/ethereum ", "    files: /data/exports/{runDate} ");
        JobDefinition parsed = new JobFileLoader().parse(job, Files.readString(job), LocalDate.parse("2026-11-28"));
        assertThat(parsed.ledger().ethereum().files()).isEqualTo(Path.of("/data/exports/2026-11-28"));
    }

    @Test
    void exitOnNewHighIsOffUnlessAsked() throws Exception {
        assertThat(new JobFileLoader().load(SAMPLE).report().exitOnNewHigh()).isFalse();
        Path job = sampleWith("  formats: [html, csv, json]", "  formats: [html, csv, json]\n  exitOnNewHigh: true");
        assertThat(new JobFileLoader().load(job).report().exitOnNewHigh()).isTrue();
    }

    @Test
    void aMissingInputIsNotAnInvalidJobFileAndNamesThePath() throws Exception {
        Path job = sampleWith("    files: ../sample-data/ethereum ", "    files: /data/exports/{runDate} ");
        JobFileLoader loader = new JobFileLoader();
        JobDefinition parsed = loader.parse(job, Files.readString(job), LocalDate.parse("2026-11-28"));
        assertThatThrownBy(() -> loader.checkInputsExist(parsed)).isInstanceOf(MissingInputException.class)
                .isNotInstanceOf(JobFileException.class)
                .hasMessageContaining("ledger.ethereum.files: /data/exports/2026-11-28 (not a folder)");
    }
}
