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
    void writableFoldersPassAndTheCheckLeavesNoFileBehind() throws Exception {
        Path reports = work.resolve("a/reports"), data = Files.createDirectories(work.resolve("b/data"));
        assertThat(Preflight.reportFolder(reports)).isEmpty();
        assertThat(Preflight.dataFolder(data)).isEmpty();
        // a folder it had to create stays for the run (owner-only), empty; the existing one is as it was (empty)
        assertThat(reports).isEmptyDirectory();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(reports)))
                .isEqualTo("rwx------");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aFolderBelowARegularFileIsNamed() throws Exception {
        Path file = Files.writeString(work.resolve("file"), "x");
        assertThat(Preflight.dataFolder(file.resolve("data"))).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("the data folder " + file.resolve("data") + " cannot be created (" + file + " is a file, not a folder);"
                        + " nothing was run."));
        assertThat(Preflight.reportFolder(file)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("the report folder " + file + " cannot be created (").contains("not a folder"));
    }

    @Test
    void anExistingFolderInWhichNoFileCanBeCreatedIsRefused() {
        // sysfs refuses new files even to root (permission bits would not stop the root user the tests run as)
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "a Linux sysfs");
        assertThat(Preflight.reportFolder(sys)).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("the report folder /sys is not writable (Permission denied); nothing was run."));
        assertThat(Preflight.dataFolder(sys)).hasValueSatisfying(s -> assertThat(s).startsWith("the data folder /sys is not writable"));
    }
}
