package dev.fundtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PreflightTest {

    @TempDir
    Path work;

    @Test
    void writableFoldersPassAndMissingOnesAreCreatedWithNothingLeftInThem() throws Exception {
        Path reports = work.resolve("a/reports"), data = work.resolve("b/data");
        assertThat(Preflight.check(reports, data)).isEmpty();
        assertThat(reports).isEmptyDirectory();
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aFolderBelowARegularFileIsNamed() throws Exception {
        Path file = Files.writeString(work.resolve("file"), "x");
        assertThat(Preflight.check(work, file.resolve("data"))).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("the data folder " + file.resolve("data") + " cannot be created (Not a directory); nothing was run."));
        assertThat(Preflight.check(file, work)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("the report folder " + file + " cannot be created (").contains("not a folder"));
    }

    @Test
    void anExistingFolderInWhichNoFileCanBeCreatedIsRefused() {
        // sysfs refuses new files even to root (permission bits would not stop the root user the tests run as)
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "a Linux sysfs");
        assertThat(Preflight.check(sys, work)).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("the report folder /sys is not writable (Permission denied); nothing was run."));
        assertThat(Preflight.check(work, sys)).hasValueSatisfying(s -> assertThat(s).startsWith("the data folder /sys is not writable"));
    }
}
