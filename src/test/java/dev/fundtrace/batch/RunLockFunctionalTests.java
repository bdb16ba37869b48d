package dev.fundtrace.batch;

import dev.fundtrace.batch.RestartFunctionalTests.Child;
import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run at a time, and an embedded database no other process can reach: real fundtrace processes on one data
 * folder. The first one is frozen (SIGSTOP) while it holds the lock, so the second start meets a live run every time.
 */
class RunLockFunctionalTests {

    static final String RUN_DATE = "2026-11-28";

    @TempDir
    Path dir;

    private String[] runCommand() {
        return new String[]{"run", "jobs/ira-nightly.yml", "--run-date=" + RUN_DATE, "--report-dir=" + dir.resolve("reports")};
    }

    @Test
    void aSecondStartWhileARunIsLiveRefusesAtOnceAndWritesNothing() throws Exception {
        Child first = Child.start(dir, runCommand());
        assertThat(first.awaitOrExit(() -> first.stderr().contains("[ledger]"))).as(first.describe()).isTrue();
        first.freeze();
        Child second;
        long refusedIn;
        try {
            Map<Path, String> before = tree(dir.resolve("data"), dir.resolve("reports"));
            long t0 = System.nanoTime();
            second = Child.start(dir, runCommand());
            assertThat(second.waitFor()).as(second.describe()).isEqualTo(1);
            refusedIn = (System.nanoTime() - t0) / 1_000_000;
            assertThat(second.stderr()).contains("already running").contains("job 'ira-nightly' since ")
                    .contains("pid " + first.pid()).contains("nothing done").doesNotContain("Exception");
            assertThat(Files.readString(second.out())).as("no summary from the refused start").isEmpty();
            assertThat(tree(dir.resolve("data"), dir.resolve("reports"))).as("the refused start changed no file or folder")
                    .isEqualTo(before);
            assertThat(dir.resolve("reports/ira-nightly")).as("no report folder of the job yet").doesNotExist();
            assertThat(refusedIn).as("refused before Spring starts (ms)").isLessThan(10_000);
        } finally {
            first.thaw();
        }
        assertThat(first.waitFor()).as(first.describe()).isZero();
        assertThat(Files.readString(first.out())).contains("fundtrace ira-nightly " + RUN_DATE);
        try (Connection c = CapturedRun.database(dir.resolve("data")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(status) FROM batch_job_execution")) {
            rs.next();
            assertThat(rs.getLong(1)).as("job executions").isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("COMPLETED");
        }
    }

    @Test
    void fourStartsAtOnceDoTheWorkOnceAndTellTheTruth() throws Exception {
        List<Child> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) starts.add(Child.start(dir, runCommand()));
        int worked = 0;
        for (Child c : starts) {
            int exit = c.waitFor();
            String out = Files.readString(c.out()), err = c.stderr();
            assertThat(err).as(c.describe()).doesNotContain("run failed").doesNotContain("JobExecution")
                    .doesNotContain("Exception");
            if (out.contains("fundtrace ira-nightly " + RUN_DATE)) {
                worked++;
                assertThat(exit).as(c.describe()).isZero();
            } else if (exit == 1) {
                assertThat(err).as(c.describe()).contains("already running").contains("pid ");
            } else {
                // started after the winner had finished
                assertThat(exit).as(c.describe()).isZero();
                assertThat(err).contains("already completed");
            }
        }
        assertThat(worked).as("processes that ran the job").isEqualTo(1);
        assertThat(RestartFunctionalTests.historyOf(dir)).hasSize(1).first().asString().contains(" COMPLETED ");
    }

    @Test
    void aLockLeftByAKilledRunIsTakenOverAndTheRunResumed() throws Exception {
        Child killed = Child.start(dir, runCommand());
        assertThat(killed.awaitOrExit(() -> killed.stderr().contains("[flags]"))).as(killed.describe()).isTrue();
        killed.kill();
        Path lockFile = dir.resolve("data/fundtrace.run.lock");
        assertThat(Files.readString(lockFile)).as("the dead owner is still named in the lock file")
                .contains("pid=" + killed.pid());

        Child resumed = Child.start(dir, runCommand());
        assertThat(resumed.waitFor()).as(resumed.describe()).isZero();
        assertThat(resumed.stderr()).doesNotContain("already running")
                .contains("was interrupted (its process is gone); resuming it where it stopped").contains("[run] COMPLETED");
        assertThat(RestartFunctionalTests.historyOf(dir)).hasSize(1).first().asString().contains(" COMPLETED ");
    }

    @Test
    void theRunListensOnNoPortAndItsFilesAreOwnerOnly() throws Exception {
        Child run = Child.start(dir, runCommand());
        assertThat(run.awaitOrExit(() -> run.stderr().contains("[ledger]"))).as(run.describe()).isTrue();
        run.freeze();
        try {
            assertThat(Files.exists(dir.resolve("data/fundtrace.mv.db"))).as("the database is open").isTrue();
            try (java.net.ServerSocket control = new java.net.ServerSocket(0)) {
                assertThat(listeningPorts(ProcessHandle.current().pid())).as("the check sees a listening socket")
                        .contains(control.getLocalPort());
            }
            Set<Integer> ports = listeningPorts(run.pid());
            assertThat(ports).as("TCP ports the run listens on").isEmpty();
            // and the attack of old: the machine's other addresses, on any port H2's lock file might name
            String h2Lock = Files.exists(dir.resolve("data/fundtrace.lock.db"))
                    ? Files.readString(dir.resolve("data/fundtrace.lock.db")) : "";
            assertThat(h2Lock).as("H2 lock file").doesNotContain("server=");
            for (InetAddress a : nonLoopbackAddresses()) {
                for (int port : ports) {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(a, port), 500);
                        throw new AssertionError("connected to " + a + ":" + port);
                    } catch (IOException expected) {
                        // refused: nothing there
                    }
                }
            }
        } finally {
            run.thaw();
        }
        assertThat(run.waitFor()).as(run.describe()).isZero();

        Path data = dir.resolve("data"), folder = dir.resolve("reports/ira-nightly/" + RUN_DATE);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("fundtrace.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("reports/ira-nightly"))).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        try (Stream<Path> files = Stream.concat(Files.walk(data), Files.list(folder))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aDatabaseUrlThatRunsCodeOrIsNoFileOrServerIsRefusedBeforeAnythingRuns() throws Exception {
        Path planted = dir.resolve("planted.txt");
        for (String db : List.of("jdbc:h2:mem:t;INIT=CALL FILE_WRITE('owned', '" + planted + "')",
                "jdbc:h2:file:" + dir.resolve("x") + ";INIT=RUNSCRIPT FROM 'x.sql'",
                "jdbc:h2:file:" + dir.resolve("x") + ";TRACE_LEVEL_FILE=3",
                "jdbc:h2:file:" + dir.resolve("x") + ";AUTO_SERVER=TRUE",
                "jdbc:h2:tcp://127.0.0.1/x", "jdbc:postgresql://127.0.0.1/x?socketFactory=java.lang.Object",
                "notjdbc")) {
            CapturedRun r = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", dir.resolve("data").toString())
                    .execute("run", "jobs/ira-nightly.yml", "--report-dir=" + dir.resolve("reports"), "--db=" + db));
            assertThat(r.exit()).as(db + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--db");
            CapturedRun h = CapturedRun.of(() -> new FundtraceCommandLine().with("fundtrace.data-dir", dir.resolve("data").toString())
                    .execute("history", "--db=" + db));
            assertThat(h.exit()).as(db + "\n" + h.err()).isEqualTo(2);
        }
        assertThat(planted).doesNotExist();
        assertThat(dir.resolve("x.mv.db")).doesNotExist();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    /** Every file and folder below the roots, with its size, modification time and mode. */
    private static Map<Path, String> tree(Path... roots) throws IOException {
        Map<Path, String> out = new java.util.TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    out.put(p, Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + mode(p));
                }
            }
        }
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The TCP ports in LISTEN state among the process's own sockets (/proc/PID/fd against /proc/net/tcp*). */
    static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/" + pid + "/net/tcp", "/proc/" + pid + "/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.exists(t)) continue;
            for (String line : Files.readAllLines(t).subList(1, Files.readAllLines(t).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) ports.add(Integer.parseInt(f[1].split(":")[1], 16));
            }
        }
        return ports;
    }

    static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) if (!a.isLoopbackAddress()) out.add(a);
        }
        return out;
    }
}
