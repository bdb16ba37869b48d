package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.chain.ethereum.rpc.RpcCheckpointStore;
import dev.fundtrace.chain.ethereum.rpc.TokenMetadataCache;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample job end to end on a real PostgreSQL server (production's database): the expected flags, a failed
 * step resumed, a second run refused, --rerun, history, and the RPC checkpoint and token metadata SQL.
 * <p>
 * The server: {@code FUNDTRACE_TEST_PG_URL} (+ {@code FUNDTRACE_TEST_PG_USER} / {@code _PASSWORD}), which
 * {@code .ci/run} provides; without it the test starts a throwaway server itself with initdb/pg_ctl from
 * /usr/lib/postgresql/N/bin, and fails (never skips) when there is none. Each run uses a fresh database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresJobFunctionalTests {

    @TempDir
    static Path work;
    static Path reports;
    static Pg server;
    /** The test's own database on that server, credentials in the URL (the CLI's --db takes it as is). */
    static String dbUrl;

    @BeforeAll
    static void database() throws Exception {
        server = Pg.fromEnvironmentOrStart(work.resolve("pg"));
        String name = "fundtrace_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(server.url()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        server.databases.add(name);
        dbUrl = server.urlFor(name);
        reports = work.resolve("reports");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (server != null) server.close();
    }

    private int fundtrace(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--db=" + dbUrl)).toArray(String[]::new);
        return new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString()).execute(all);
    }

    @Test
    @Order(1)
    void aFailedStepResumesAndTheFlagsAreExactlyTheExpectedOnes() throws Exception {
        // the run's own folder, not the report root: a root that cannot be written is refused before the run starts
        Path runFolder = Files.createDirectories(reports.resolve("ira-nightly")).resolve("2026-11-28");
        Files.writeString(runFolder, "not a folder");
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isEqualTo(1);
        Files.delete(runFolder);
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports)).isZero();

        assertThat(SampleFlags.of(reports.resolve("ira-nightly/2026-11-28/flagged-flows.csv")))
                .containsExactlyElementsOf(SampleFlags.expected());

        // the tables really are in PostgreSQL, and the resumed run did not re-run the steps before 'report'
        try (Connection c = server.connect(dbUrl); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT step_name, COUNT(*) FROM batch_step_execution GROUP BY step_name ORDER BY 1")) {
            List<String> steps = new ArrayList<>();
            while (rs.next()) steps.add(rs.getString(1) + "=" + rs.getLong(2));
            assertThat(steps).containsExactly("designations=1", "flags=1", "labels=1", "ledger-bitcoin=1", "ledger-bitcoinsv=1",
                    "ledger-dash=1", "ledger-ethereum=1", "ledger-litecoin=1", "ledger-zcash=1", "report=2", "trace=1");
        }
    }

    @Test
    @Order(2)
    void aSecondRunIsRefusedRerunRebuildsAndHistoryListsBoth() {
        CapturedRun again = CapturedRun.of(() -> fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports));
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("already completed").contains("--rerun");
        assertThat(fundtrace("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports, "--rerun")).isZero();

        CapturedRun history = CapturedRun.of(() -> fundtrace("history", "ira-nightly"));
        assertThat(history.exit()).isZero();
        List<String> rows = history.out().lines().filter(l -> l.startsWith("ira-nightly")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows).allMatch(r -> r.contains(" COMPLETED "));
        assertThat(rows.get(1)).contains(" yes ");
    }

    @Test
    @Order(3)
    void rpcCheckpointSqlRunsOnPostgres() throws Exception {
        try (Connection c = server.connect(dbUrl)) {
            var store = new RpcCheckpointStore(new JdbcTemplate(new SingleConnectionDataSource(c, true))).createTable();
            store.save(List.of(new RpcCheckpointStore.Checkpoint("ethereum", "0xaa", RpcCheckpointStore.TOKEN, 10, 20)));
            store.save(List.of(new RpcCheckpointStore.Checkpoint("ethereum", "0xaa", RpcCheckpointStore.TOKEN, 5, 30),
                    new RpcCheckpointStore.Checkpoint("ethereum", "0xbb", RpcCheckpointStore.NATIVE, 1, 2)));
            assertThat(store.find("ethereum", RpcCheckpointStore.TOKEN, List.of("0xaa", "0xcc")))
                    .containsOnlyKeys("0xaa").containsValue(new RpcCheckpointStore.Checkpoint("ethereum", "0xaa", "token", 5, 30));
            assertThat(store.all("ethereum")).hasSize(2);
        }
    }

    @Test
    @Order(3)
    void rpcTokenMetadataSqlRunsOnPostgres() throws Exception {
        try (Connection c = server.connect(dbUrl)) {
            // the table comes from the migrations, run by the application in the first test
            var cache = new TokenMetadataCache(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            cache.save("ethereum", List.of(new AssetInfo("0xaa", "MKR", 18), new AssetInfo("0xbb", null, -1)));
            cache.save("ethereum", List.of(new AssetInfo("0xaa", "OTHER", 6), new AssetInfo("0xcc", "FUND", 18)));
            assertThat(cache.find("ethereum", List.of("0xaa", "0xbb", "0xdd"))).containsOnly(
                    java.util.Map.entry("0xaa", new AssetInfo("0xaa", "MKR", 18)), // the first answer is kept
                    java.util.Map.entry("0xbb", new AssetInfo("0xbb", null, -1)));
            assertThat(cache.find("polygon", List.of("0xaa"))).isEmpty();
        }
    }

    @Test
    @Order(4)
    void exposuresOfAnEarlierTableAreMovedOverOnPostgres() throws Exception {
        String name = "fundtrace_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(server.url()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        server.databases.add(name);
        String url = server.urlFor(name);
        try (Connection c = server.connect(url)) {
            ExposureTableMigrationFunctionalTests.createEarlierTable(c);
        }
        CapturedRun history = CapturedRun.of(() -> new FundtraceCommandLine()
                .with("fundtrace.data-dir", work.resolve("data-mig").toString()).execute("history", "--db=" + url));
        assertThat(history.exit()).isZero();
        assertThat(history.err()).contains("moved 5 exposures");
        try (Connection c = server.connect(url)) {
            ExposureTableMigrationFunctionalTests.assertMovedOver(c);
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** A PostgreSQL server: the one CI names, or a throwaway one this test starts and stops. */
    @Test
    @Order(5)
    void oneRunPerJobAtATimeWhileOtherJobsRunBesideIt() throws Exception {
        Path dir = work.resolve("lock");
        String date = "2026-12-01";
        RestartFunctionalTests.Child first = RestartFunctionalTests.Child.start(dir.resolve("first"), "run",
                "jobs/ira-nightly.yml", "--run-date=" + date, "--report-dir=" + reports, "--db=" + dbUrl);
        assertThat(first.awaitOrExit(() -> first.stderr().contains("[trace]"))).as(first.describe()).isTrue();
        first.freeze();
        try {
            assertThat(RunLockFunctionalTests.listeningPorts(first.pid())).as("ports the run listens on").isEmpty();
            RestartFunctionalTests.Child second = RestartFunctionalTests.Child.start(dir.resolve("second"), "run",
                    "jobs/ira-nightly.yml", "--run-date=" + date, "--report-dir=" + reports, "--db=" + dbUrl);
            assertThat(second.waitFor()).as(second.describe()).isEqualTo(1);
            assertThat(second.stderr()).contains("already running: job 'ira-nightly' since ")
                    .contains("pid " + first.pid()).contains("nothing done").doesNotContain("Exception");

            // another job on the same server runs to the end meanwhile
            Path otherJob = dir.resolve("other-nightly.yml");
            Files.createDirectories(dir);
            Files.writeString(otherJob, Files.readString(Path.of("jobs/ira-nightly.yml"))
                    .replace("job: ira-nightly", "job: other-nightly")
                    .replace("../", Path.of("").toAbsolutePath() + "/"));
            RestartFunctionalTests.Child other = RestartFunctionalTests.Child.start(dir.resolve("other"), "run",
                    otherJob.toString(), "--run-date=" + date, "--report-dir=" + reports, "--db=" + dbUrl);
            assertThat(other.waitFor()).as(other.describe()).isZero();
            assertThat(Files.readString(other.out())).contains("fundtrace other-nightly " + date);
        } finally {
            first.thaw();
        }
        assertThat(first.waitFor()).as(first.describe()).isZero();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(dbUrl, true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution e JOIN batch_job_execution_params p"
                + " ON p.job_execution_id = e.job_execution_id WHERE p.parameter_name = 'runDate' AND p.parameter_value = ?",
                Long.class, date)).as("executions of that date: one per job").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fundtrace_run_lock", Long.class))
                .as("owner rows once every run has ended").isZero();
    }

    @Test
    @Order(6)
    void aLockWhoseOwnerWasKilledIsTakenOverAndTheRunResumed() throws Exception {
        Path dir = work.resolve("stale");
        String date = "2026-12-02";
        String[] command = {"run", "jobs/ira-nightly.yml", "--run-date=" + date, "--report-dir=" + reports, "--db=" + dbUrl};
        RestartFunctionalTests.Child killed = RestartFunctionalTests.Child.start(dir, command);
        assertThat(killed.awaitOrExit(() -> killed.stderr().contains("[trace]"))).as(killed.describe()).isTrue();
        killed.kill();
        RestartFunctionalTests.Child resumed = RestartFunctionalTests.Child.start(dir, command);
        assertThat(resumed.waitFor()).as(resumed.describe()).isZero();
        assertThat(resumed.stderr()).contains("was interrupted (its process is gone); resuming it where it stopped");
    }

    static final class Pg implements AutoCloseable {
        static final String HOW = """
                PostgresJobFunctionalTests needs PostgreSQL. Either point it at a server:
                  FUNDTRACE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/postgres FUNDTRACE_TEST_PG_USER=... FUNDTRACE_TEST_PG_PASSWORD=...
                (a user allowed to CREATE DATABASE), or install the server binaries (Debian: apt-get install postgresql) so the
                test can start a throwaway one from /usr/lib/postgresql/<version>/bin. CI (.ci/run) always provides one.""";

        final String baseUrl, user, password;
        final Path dataDir, pgCtl;
        final List<String> databases = new ArrayList<>();

        private Pg(String baseUrl, String user, String password, Path dataDir, Path pgCtl) {
            this.baseUrl = baseUrl;
            this.user = user;
            this.password = password;
            this.dataDir = dataDir;
            this.pgCtl = pgCtl;
        }

        static Pg fromEnvironmentOrStart(Path dir) throws Exception {
            String url = System.getenv("FUNDTRACE_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                return new Pg(url, System.getenv("FUNDTRACE_TEST_PG_USER"), System.getenv("FUNDTRACE_TEST_PG_PASSWORD"), null, null);
            }
            Path bin = binaries().orElseThrow(() -> new AssertionError("FUNDTRACE_TEST_PG_URL is not set and no initdb/pg_ctl was found.\n" + HOW));
            return start(bin, dir);
        }

        static Optional<Path> binaries() throws IOException {
            Path root = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(root)) return Optional.empty();
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
            }
        }

        private static int versionOf(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** initdb + pg_ctl start on a free loopback port; as root the server runs as the 'postgres' user. */
        static Pg start(Path bin, Path ignored) throws Exception {
            // not under JUnit's @TempDir: that folder is private to this user, and the server may run as 'postgres'
            Path dir = Files.createTempDirectory("fundtrace-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                var postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            Path data = dir.resolve("data");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            exec(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "fundtrace", "--auth=trust",
                    "-E", "UTF8", "--no-locale", "--no-sync");
            exec(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            return new Pg("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "fundtrace", null, data, bin.resolve("pg_ctl"));
        }

        private static void exec(boolean asPostgres, String... command) throws Exception {
            List<String> cmd = new ArrayList<>();
            if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            cmd.addAll(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("could not start a throwaway PostgreSQL (" + String.join(" ", cmd) + "):\n" + output + "\n" + HOW);
            }
        }

        String url() {
            return baseUrl;
        }

        /** The same server, another database, with the credentials as URL parameters. */
        String urlFor(String database) {
            String rest = baseUrl.substring("jdbc:postgresql://".length());
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            int q = rest.indexOf('?');
            String params = q < 0 ? "" : rest.substring(q + 1);
            List<String> p = new ArrayList<>();
            if (!params.isEmpty()) {
                for (String kv : params.split("&")) if (!kv.startsWith("user=") && !kv.startsWith("password=")) p.add(kv);
            }
            if (user != null) p.add("user=" + enc(user));
            if (password != null) p.add("password=" + enc(password));
            return "jdbc:postgresql://" + hostPort + "/" + database + (p.isEmpty() ? "" : "?" + String.join("&", p));
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        Connection connect(String url) throws Exception {
            Properties props = new Properties();
            if (user != null && !url.contains("user=")) props.setProperty("user", user);
            if (password != null && !url.contains("password=")) props.setProperty("password", password);
            return DriverManager.getConnection(url, props);
        }

        @Override
        public void close() throws Exception {
            if (pgCtl != null) {
                exec("root".equals(System.getProperty("user.name")), pgCtl.toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
                try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
                return;
            }
            try (Connection c = connect(baseUrl); Statement s = c.createStatement()) {
                for (String db : databases) s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }
}
