package dev.fundtrace.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduling files of {@code jobs/} as an operator installs them: the crontab line run by a shell on a fresh
 * install (no logs/ folder), and the systemd units checked by systemd-analyze. Install paths are moved to a
 * temporary folder and the JDK to the one running the tests; nothing else is changed.
 */
class SchedulingFilesFunctionalTests {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path install;

    /** A fresh install: the jar and its lib/, the job files and the sample data they point at; no logs/, data/ or reports/. */
    private void freshInstall() throws IOException {
        Path jar = PROJECT.resolve("target/fundtrace.jar");
        assertThat(jar).as("the jar (failsafe runs after package)").exists();
        Files.createDirectories(install.resolve("target"));
        Files.createSymbolicLink(install.resolve("target/fundtrace.jar"), jar);
        Files.createSymbolicLink(install.resolve("target/lib"), PROJECT.resolve("target/lib"));
        Files.createSymbolicLink(install.resolve("sample-data"), PROJECT.resolve("sample-data"));
        Files.createDirectories(install.resolve("jobs"));
        for (String f : List.of("ira-nightly.yml", "fundtrace-nightly.sh", "fundtrace-alert.sh")) {
            Files.copy(PROJECT.resolve("jobs").resolve(f), install.resolve("jobs").resolve(f));
        }
    }

    private String cronCommand() throws IOException {
        List<String> entries = Files.readAllLines(PROJECT.resolve("jobs/fundtrace-nightly.cron")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*")).toList();
        assertThat(entries).as("one crontab entry").hasSize(1);
        String[] f = entries.get(0).split("\\s+", 6);
        assertThat(f).hasSize(6);
        assertThat(String.join(" ", List.of(f).subList(0, 5))).isEqualTo("0 2 * * *");
        return f[5].replace("/opt/fundtrace", install.toString());
    }

    private Process shell(String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(install.toFile());
        pb.environment().put("FUNDTRACE_JAVA", JAVA);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    @Test
    void theCrontabLineRunsOnAFreshInstallAndPrintsOnlyWhenTheRunDoesNotSucceed() throws Exception {
        freshInstall();
        String command = cronCommand();
        Process ok = shell(command);
        String okOut = new String(ok.getInputStream().readAllBytes());
        assertThat(ok.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(ok.exitValue()).as(okOut).isZero();
        assertThat(okOut).as("cron mails what a job prints: nothing on success").isEmpty();
        assertThat(Files.readString(install.resolve("logs/ira-nightly.log"))).contains("fundtrace ira-nightly")
                .contains("[report] COMPLETED");
        assertThat(install.resolve("reports/ira-nightly")).isDirectory();

        // a broken job file: exit 2, and the output is printed so that cron mails it
        Files.writeString(install.resolve("jobs/ira-nightly.yml"), "job: ira-nightly\nbogus: 1\n");
        Process bad = shell(command);
        String badOut = new String(bad.getInputStream().readAllBytes());
        assertThat(bad.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(badOut).contains("exited 2").contains("bogus");
    }

    @Test
    void theSystemdUnitsVerifyCleanly() throws Exception {
        Path units = install.resolve("units");
        Files.createDirectories(units);
        freshInstall();
        for (String dir : List.of("data", "reports")) Files.createDirectories(install.resolve(dir));
        for (String unit : List.of("fundtrace-nightly.service", "fundtrace-nightly.timer", "fundtrace-alert@.service")) {
            Files.writeString(units.resolve(unit), Files.readString(PROJECT.resolve("jobs").resolve(unit))
                    .replace("/opt/fundtrace", install.toString())
                    .replace("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", JAVA));
        }
        Process verify = new ProcessBuilder("systemd-analyze", "verify", "fundtrace-nightly.service",
                "fundtrace-nightly.timer", "fundtrace-alert@fundtrace-nightly.service.service")
                .directory(units.toFile()).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(verify.exitValue()).as(out).isZero();
        assertThat(out).as("no warning either (an unknown key is only a warning)").isBlank();
        String service = Files.readString(PROJECT.resolve("jobs/fundtrace-nightly.service"));
        assertThat(service).contains("\nUser=fundtrace\n").contains("\nWants=network-online.target\n")
                .contains("\nOnFailure=fundtrace-alert@%n.service\n").contains("\nUMask=0077\n");
    }
}
