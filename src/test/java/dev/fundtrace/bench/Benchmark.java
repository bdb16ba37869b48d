package dev.fundtrace.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bench command ({@code mvn -Pbench verify -Dbench.n=10000000 [-Dbench.shapes=s2,reach,utxo] [-Dbench.runs=5]
 * [-Dbench.deployed=false]}): for each shape, generates a reproducible export of N transfers (N transactions for
 * utxo), cached in {@code target/bench/<shape>-<n>/}, then runs, one after the other, each in its own process:
 * <ul>
 * <li>the DuckDB peer of ../shared/bench on it ({@code DuckPeer.java} for the Ethereum shapes,
 *     {@code UtxoDuckPeer.java} for utxo);</li>
 * <li>fundtrace as the README's run command starts it ({@code java -jar target/fundtrace.jar run <job>}), a first
 *     night on an empty data folder;</li>
 * <li>for the reach and utxo shapes, the same first night in {@code java -Xmx2g -jar} (issues #14 and #15 ask for a
 *     2 GB heap);</li>
 * <li>an unchanged second night on the first night's data folder;</li>
 * <li>for the Ethereum shapes, unless {@code -Dbench.deployed=false}, the deployed launch for large nights (jar
 *     extracted, AOT cache recorded once on a training night over N/10 of the first Ethereum shape, huge pages,
 *     {@code -Xms1g -Xmx4g}): a first and a second night.</li>
 * </ul>
 * and prints, per shape, wall time, job steps, the peer's load + reach, the ratios, peak RSS and heap, the addresses
 * reached on both sides and, for utxo, the JSON bytes parsed per second; with {@code -Dbench.runs=5}, the median and
 * the range of each. Shapes: "s2" (small reach: 1,000 labelled services), "reach" (issue #15: ten labelled
 * services, 1 wei exposure threshold, ~7% of N reached) and "utxo" (issue #14: a bitcoin-etl export,
 * {@link SyntheticBitcoinEtl}). A shape that fundtrace refuses (exit 2, for instance a UTXO job before the UTXO ledger
 * is in) is reported as such and the others run; any other failure is reported, the others run, and the bench
 * exits with status 1.
 */
public final class Benchmark {

    static final String[] SEEDS = SyntheticExport.SEEDS;
    static final List<String> SHAPES = List.of("s2", "reach", "utxo");

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        String duckJar = args.length > 2 ? args[2] : "";
        List<String> shapes = Arrays.stream(System.getProperty("bench.shapes", String.join(",", SHAPES)).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String s : shapes) {
            if (!SHAPES.contains(s)) throw new IllegalArgumentException("unknown bench shape " + s + ": choose from " + SHAPES);
        }
        int runs = Math.max(1, Integer.parseInt(System.getProperty("bench.runs", "1")));
        boolean deployed = Boolean.parseBoolean(System.getProperty("bench.deployed", "true"));
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        boolean peer = !duckJar.isEmpty() && Files.isRegularFile(Path.of(duckJar));
        if (!peer) System.err.println("DuckDB peer skipped (needs the duckdb_jdbc jar, which the bench profile passes)");

        List<Prepared> prepared = new ArrayList<>();
        for (String s : shapes) prepared.add(prepare(s, n, work, project));

        // the deployed launch: the jar extracted, an AOT cache recorded on a training night over a smaller export of
        // the first Ethereum shape, the heap on transparent huge pages
        List<String> deployedLaunch = null;
        String trainNote = "";
        Prepared firstEth = prepared.stream().filter(p -> !p.utxo()).findFirst().orElse(null);
        if (deployed && firstEth != null) {
            try {
                Path app = work.resolve("app");
                deleteTree(app);
                run(List.of(java, "-Djarmode=tools", "-jar", project.resolve("target/fundtrace.jar").toString(), "extract",
                        "--destination", app.toString()), project).check();
                long trainN = Math.max(100_000, n / 10);
                Prepared train = prepare(firstEth.shape(), trainN, work, project);
                Path trainData = work.resolve("data-train-" + trainN);
                deleteTree(trainData);
                Path aot = app.resolve("fundtrace.aot");
                run(List.of(java, "-Xmx4g", "-XX:AOTCacheOutput=" + aot, "-Xlog:aot*=error", "-Dfundtrace.data-dir=" + trainData,
                        "-jar", app.resolve("fundtrace.jar").toString(), "run", train.job().toString(), "--run-date=2026-01-01"),
                        project).check();
                deployedLaunch = List.of(java, "-Xms1g", "-Xmx4g", "-XX:+UseTransparentHugePages", "-XX:AOTCache=" + aot,
                        "-Xlog:aot*=error", "-jar", app.resolve("fundtrace.jar").toString());
                trainNote = " (AOT cache recorded on a " + String.format("%,d", trainN) + "-transfer " + firstEth.shape() + " night)";
            } catch (RuntimeException e) {
                System.err.println("deployed launch skipped: " + e.getMessage());
            }
        }

        List<String> plain = List.of(java, "-jar", project.resolve("target/fundtrace.jar").toString());
        List<String> plain2g = List.of(java, "-Xmx2g", "-jar", project.resolve("target/fundtrace.jar").toString());
        List<String> summary = new ArrayList<>();
        boolean failed = false;
        for (Prepared p : prepared) {
            Map<String, List<Run>> byVariant = new LinkedHashMap<>();
            List<Run> peerRuns = new ArrayList<>();
            String refused = null, failure = null;
            for (int rep = 1; rep <= runs; rep++) {
                System.err.printf("%n=== shape %s, N = %,d, run %d of %d ===%n", p.shape(), n, rep, runs);
                if (peer && !Files.isRegularFile(p.peerSource(project))) {
                    if (rep == 1) System.err.println("DuckDB peer skipped for " + p.shape() + ": no " + p.peerSource(project));
                } else if (peer) {
                    Run r = run(p.peerCommand(java, duckJar, project), project);
                    if (r.ok()) peerRuns.add(r);
                    else System.err.println("DuckDB peer failed on " + p.shape() + " (exit " + r.rc() + "):\n" + r.tail(20));
                }
                if (refused != null || failure != null) continue;
                Path data = work.resolve("data-" + p.shape() + "-" + n);
                List<Variant> variants = new ArrayList<>();
                variants.add(new Variant("java -jar (README)", plain, data, "2026-01-01", true));
                variants.add(new Variant("unchanged second night, java -jar", plain, data, "2026-01-02", false));
                if (!p.shape().equals("s2")) {
                    variants.add(new Variant("java -Xmx2g -jar", plain2g, work.resolve("data-" + p.shape() + "-" + n + "-2g"), "2026-01-01", true));
                }
                if (deployedLaunch != null && !p.utxo()) {
                    Path d = work.resolve("data-" + p.shape() + "-" + n + "-deployed");
                    variants.add(new Variant("deployed (AOT cache, THP, -Xms1g -Xmx4g)", deployedLaunch, d, "2026-01-01", true));
                    variants.add(new Variant("deployed, unchanged second night", deployedLaunch, d, "2026-01-02", false));
                }
                for (Variant v : variants) {
                    if (v.fresh()) deleteTree(v.data());
                    Run r = run(withData(v.launch(), v.data(), p.job(), v.date()), project);
                    if (r.rc() == 2) {
                        refused = r.tail(6);
                        System.err.println("fundtrace refused the " + p.shape() + " job (exit 2): the job file or its "
                                + "inputs are not accepted" + (p.utxo() ? " (is the UTXO ledger in this build?)" : "")
                                + "; shape " + p.shape() + " continues with the peer only:\n" + refused);
                        break;
                    }
                    if (!r.ok()) {
                        failure = "exit " + r.rc() + ":\n" + r.tail(20);
                        System.err.println("fundtrace failed on shape " + p.shape() + " (" + failure + ")");
                        break;
                    }
                    if (v.fresh()) r = r.withForward(countForward(v.data()));
                    byVariant.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(r);
                }
            }
            if (failure != null) failed = true;
            summary.add(print(p, n, runs, byVariant, peerRuns, refused, failure, deployedLaunch, trainNote));
        }
        System.out.println("\n## Summary (" + runs + " run" + (runs > 1 ? "s, medians" : "") + ")\n");
        summary.forEach(System.out::println);
        if (failed) System.exit(1);
    }

    // ---------------------------------------------------------------- shapes

    /** A shape's export on disk, its job file, and how the peer is run on it. */
    record Prepared(String shape, boolean utxo, Path dir, Path job, Path labels, List<String> seeds, long bytes,
                    Properties expected) {
        Path peerSource(Path project) {
            return project.resolve("../shared/bench/" + (utxo ? "UtxoDuckPeer.java" : "DuckPeer.java")).normalize();
        }

        List<String> peerCommand(String java, String duckJar, Path project) {
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", duckJar, peerSource(project).toString(),
                    (utxo ? dir.resolve("bitcoin") : dir).toString(), "4", "--labels=" + labels));
            cmd.addAll(seeds);
            return cmd;
        }

        String unit() { return utxo ? "transactions" : "transfers"; }
    }

    /** Generates the shape's export when it is not cached in work/<shape>-<n>/, and writes its job file. */
    static Prepared prepare(String shape, long n, Path work, Path project) throws IOException {
        Path dir = work.resolve(shape + "-" + n);
        Path marker = dir.resolve("shape.properties");
        Properties props = read(marker);
        Path job = work.resolve("bench-" + shape + "-" + n + ".yml");
        Path reports = work.resolve("reports");
        if (shape.equals("utxo")) {
            if (!SyntheticBitcoinEtl.VERSION.equals(props.getProperty("version")) || !Long.toString(n).equals(props.getProperty("n"))) {
                deleteTree(dir);
                System.err.printf("generating %,d bitcoin transactions into %s%n", n, dir);
                long t0 = System.nanoTime();
                SyntheticBitcoinEtl.Summary s = SyntheticBitcoinEtl.write(dir, n);
                System.err.printf("  %s in %.1f s%n", s, (System.nanoTime() - t0) / 1e9);
                props = read(marker);
            }
            Files.writeString(job, """
                    job: bench-utxo-%d
                    designations:
                      files: [%s]
                    ledger:
                      bitcoin: { files: %s }
                    labels: [%s]
                    trace:
                      direction: both
                      maxHops: 4
                    %s
                    rules: { indirectExposureMin: { BTC: "0.001" } }
                    report: { dir: %s, formats: [html, csv, json] }
                    """.formatted(n, dir.resolve("watchlist.csv"), dir.resolve("bitcoin"), dir.resolve("labels.csv"),
                    // -Dbench.utxo.clustering=false leaves clustering out (utxo.md: trace.clustering.enabled)
                    Boolean.parseBoolean(System.getProperty("bench.utxo.clustering", "true")) ? "  clustering: { enabled: true }" : "",
                    reports));
            long bytes = Files.size(dir.resolve("bitcoin/blocks.json")) + Files.size(dir.resolve("bitcoin/enriched_transactions.json"));
            return new Prepared(shape, true, dir, job, dir.resolve("labels.csv"), List.of(SyntheticBitcoinEtl.seeds(n)), bytes, props);
        }
        SyntheticExport.Shape s = SyntheticExport.shape(shape);
        // the shape's name and version are in shape.properties, so a changed generator never reuses an older export
        if (!shape.equals(props.getProperty("version")) || !Long.toString(n).equals(props.getProperty("n"))) {
            deleteTree(dir);
            System.err.printf("generating %,d transfers of shape %s into %s%n", n, shape, dir);
            SyntheticExport.ForwardReach reach = new SyntheticExport.ForwardReach(n, s);
            SyntheticExport.write(dir, n, s, reach);
            Files.writeString(marker, "version=%s%nn=%d%nreached=%d%n".formatted(shape, n, reach.reached()));
            props = read(marker);
        }
        Path labels = dir.resolve("labels.csv");
        SyntheticExport.writeLabels(labels, project.resolve("sample-data/labels/labels.csv"), n, s);
        // the reach shape: every reached address at forward hop 2 or more with any taint is an indirect exposure
        String minimum = shape.equals("reach") ? "0.000000000000000001" : "0.5";
        Files.writeString(job, """
                job: bench-%s-%d
                designations:
                  files: [%s]
                  select: { uids: ["29702", "29703"] }
                ledger:
                  ethereum: { files: %s }
                labels: [%s]
                trace: { direction: both, maxHops: 4 }
                rules: { indirectExposureMin: { ETH: "%s" } }
                report: { dir: %s, formats: [html, csv, json] }
                """.formatted(shape, n, project.resolve("sample-data/ofac/sdn_advanced.xml"), dir, labels, minimum, reports));
        long bytes = Files.size(dir.resolve("transactions.csv")) + Files.size(dir.resolve("receipts.csv"));
        return new Prepared(shape, false, dir, job, labels, List.of(SEEDS), bytes, props);
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (var r = Files.newBufferedReader(file)) {
                p.load(r);
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- printing

    record Variant(String label, List<String> launch, Path data, String date, boolean fresh) {}

    /** Prints the shape's tables; returns its summary line. */
    static String print(Prepared p, long n, int runs, Map<String, List<Run>> byVariant, List<Run> peer, String refused,
                        String failure, List<String> deployedLaunch, String trainNote) {
        System.out.printf("%n## Shape %s: N = %,d %s (%.2f GB of %s), %d cores, %d run%s%s%n%n", p.shape(), n, p.unit(),
                p.bytes() / 1e9, p.utxo() ? "bitcoin-etl JSON" : "ethereum-etl CSV", Runtime.getRuntime().availableProcessors(),
                runs, runs > 1 ? "s" : "", runs > 1 ? ": median (min to max)" : "");
        String expected = count(p.expected(), "reached");
        Stat peerLoad = Stat.of(peer, Run::peerLoad), peerReach = Stat.of(peer, Run::peerTrace);
        Stat peerTotal = Stat.of(peer, r -> r.peerLoad() + r.peerTrace()), peerWall = Stat.of(peer, Run::seconds);
        System.out.println("| launch | process wall s | job steps s | peak RSS MB | peak heap MB | addresses reached forward (both directions) | wall / peer wall | steps / peer load + reach |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Stat firstSteps = null;
        for (var e : byVariant.entrySet()) {
            List<Run> rs = e.getValue();
            Stat wall = Stat.of(rs, Run::seconds), steps = Stat.of(rs, Run::steps);
            boolean second = e.getKey().contains("second night");
            if (!second) firstSteps = steps;
            System.out.printf("| %s | %s | %s%s | %s | %s | %s | %s | %s |%n", e.getKey(), wall, steps,
                    second && firstSteps.median() > 0 ? String.format(" (%.1f%% of the first night)", 100 * steps.median() / firstSteps.median()) : "",
                    Stat.of(rs, Run::rss).whole(), Stat.of(rs, Run::heapMb).whole(),
                    second ? "" : Stat.of(rs, Run::forward).whole() + " (" + Stat.of(rs, Run::exposures).whole() + ")",
                    second || peer.isEmpty() ? "" : ratio(wall, peerWall), second || peer.isEmpty() ? "" : ratio(steps, peerTotal));
        }
        if (refused != null) System.out.println("| fundtrace | refused the job (exit 2): " + oneLine(refused) + " | | | | | | |");
        if (failure != null) System.out.println("| fundtrace | FAILED, " + oneLine(failure) + " | | | | | | |");
        if (!peer.isEmpty()) {
            System.out.printf("| DuckDB 1.5 peer (%s) | %s | load %s + reach %s = %s | %s | | %s | | |%n",
                    p.utxo() ? "UtxoDuckPeer" : "DuckPeer", peerWall, peerLoad, peerReach, peerTotal, Stat.of(peer, Run::rss).whole(),
                    Stat.of(peer, Run::peerReached).whole());
        }
        System.out.println("\nthe generator's count of the peer's forward reach: " + expected + " addresses"
                + (p.utxo() ? ", " + count(p.expected(), "taintedCoins") + " coins from "
                + count(p.expected(), "seedCoins") + " seed coins; " + count(p.expected(), "outputs") + " outputs, "
                + count(p.expected(), "inputs") + " inputs (" + count(p.expected(), "preExportInputs")
                + " spending coins from before the export), " + count(p.expected(), "blocks") + " blocks" : ""));

        List<Run> readme = byVariant.values().stream().findFirst().orElse(List.of());
        if (!readme.isEmpty()) {
            // each step's time in each launch
            List<String> stepNames = new ArrayList<>();
            byVariant.values().forEach(rs -> rs.forEach(r -> r.stepNames().stream().filter(x -> !stepNames.contains(x)).forEach(stepNames::add)));
            System.out.println("\n| step s | " + String.join(" | ", byVariant.keySet()) + " |");
            System.out.println("| --- |" + " --- |".repeat(byVariant.size()));
            for (String step : stepNames) {
                System.out.println("| " + step + " | " + String.join(" | ", byVariant.values().stream()
                        .map(rs -> Stat.of(rs, r -> r.step(step)).toString()).toList()) + " |");
            }
            System.out.println("| trace kernel (in the trace step) | " + String.join(" | ", byVariant.values().stream()
                    .map(rs -> Stat.of(rs, Run::kernel).toString()).toList()) + " |");
            if (p.utxo()) {
                for (var e : byVariant.entrySet()) {
                    if (e.getKey().contains("second night")) continue;
                    System.out.printf("JSON parsed, %s: %s MB/s over the ledger step, %s MB/s over the process wall%n", e.getKey(),
                            Stat.of(e.getValue(), r -> r.ledger() > 0 ? p.bytes() / 1e6 / r.ledger() : Double.NaN),
                            Stat.of(e.getValue(), r -> p.bytes() / 1e6 / r.seconds()));
                }
            }
        }
        if (!peer.isEmpty() && p.utxo()) {
            System.out.printf("JSON parsed, DuckDB peer: %s MB/s over its load%n", Stat.of(peer, r -> p.bytes() / 1e6 / r.peerLoad()));
        }
        if (deployedLaunch != null && !p.utxo()) System.out.println("deployed launch: " + String.join(" ", deployedLaunch) + trainNote);

        // the summary line
        StringBuilder line = new StringBuilder("- " + p.shape() + ": ");
        if (refused != null) line.append("fundtrace refused the job (exit 2: ").append(oneLine(refused)).append(")");
        else if (failure != null) line.append("fundtrace FAILED (").append(oneLine(failure)).append(")");
        else if (readme.isEmpty()) line.append("no fundtrace run");
        else {
            Stat wall = Stat.of(readme, Run::seconds), steps = Stat.of(readme, Run::steps);
            line.append(String.format("java -jar wall %s s, steps %s s", wall.plain(), steps.plain()));
            if (!peer.isEmpty()) {
                line.append(String.format("; DuckDB wall %s s, load + reach %s s; ratio %s (wall / wall), %s (steps / load + reach)",
                        peerWall.plain(), peerTotal.plain(), ratio(wall, peerWall), ratio(steps, peerTotal)));
            }
            List<Run> twoG = byVariant.get("java -Xmx2g -jar");
            if (twoG != null && !peer.isEmpty()) {
                line.append(String.format("; -Xmx2g wall %s s, ratio %s", Stat.of(twoG, Run::seconds).plain(),
                        ratio(Stat.of(twoG, Run::seconds), peerWall)));
            }
            line.append("; reached forward ").append(Stat.of(readme, Run::forward).whole().plain());
        }
        if (!peer.isEmpty()) line.append(" (peer ").append(Stat.of(peer, Run::peerReached).whole().plain()).append(")");
        return line.toString();
    }

    private static String count(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? "?" : String.format("%,d", Long.parseLong(v));
    }

    private static String ratio(Stat a, Stat b) {
        if (a.isEmpty() || b.isEmpty() || b.median() <= 0) return "?";
        return String.format("%.2f", a.median() / b.median());
    }

    private static String oneLine(String s) {
        return s.strip().replace('\n', ' ').replace("|", "\\|");
    }

    /** Median and range of a figure over the runs (NaN figures left out). */
    record Stat(double[] values, boolean integer) {
        static <T> Stat of(List<T> rs, ToDoubleFunction<T> f) {
            return new Stat(rs.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).sorted().toArray(), false);
        }

        Stat whole() { return new Stat(values, true); }

        boolean isEmpty() { return values.length == 0; }

        double median() {
            int k = values.length;
            return k == 0 ? Double.NaN : k % 2 == 1 ? values[k / 2] : (values[k / 2 - 1] + values[k / 2]) / 2;
        }

        private String f(double v) { return integer ? String.format("%,.0f", v) : String.format("%.2f", v); }

        String plain() { return isEmpty() ? "?" : f(median()); }

        @Override
        public String toString() {
            if (isEmpty()) return "?";
            if (values.length == 1) return f(values[0]);
            return f(median()) + " (" + f(values[0]) + " to " + f(values[values.length - 1]) + ")";
        }
    }

    // ---------------------------------------------------------------- processes

    static List<String> withData(List<String> launch, Path data, Path job, String date) {
        List<String> cmd = new ArrayList<>(launch);
        cmd.add(cmd.indexOf("-jar"), "-Dfundtrace.data-dir=" + data);
        cmd.addAll(List.of("run", job.toString(), "--run-date=" + date));
        return cmd;
    }

    private static final Pattern STEP = Pattern.compile("(?m)^\\[([A-Za-z0-9_.-]+)] COMPLETED in ([0-9.]+) s");

    record Run(String out, double seconds, long rssMb, String heap, int rc, double forward) {
        boolean ok() { return rc == 0 || rc == 3; }

        Run check() {
            if (!ok()) throw new IllegalStateException("command failed (" + rc + "):\n" + tail(20));
            return this;
        }

        Run withForward(long f) { return new Run(out, seconds, rssMb, heap, rc, f < 0 ? Double.NaN : f); }

        String tail(int lines) {
            List<String> all = out.lines().filter(l -> !l.isBlank() && !l.startsWith("\t")
                    && !l.matches("\\s*(Command being timed|User time|System time|Percent of CPU|Command exited|Elapsed|Average|Maximum resident|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status).*")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }

        /** Step name to seconds, in the order the job ran them. */
        Map<String, Double> steps0() {
            Map<String, Double> m = new LinkedHashMap<>();
            Matcher x = STEP.matcher(out);
            while (x.find()) m.merge(x.group(1), Double.parseDouble(x.group(2)), Double::sum);
            return m;
        }

        List<String> stepNames() { return List.copyOf(steps0().keySet()); }

        double step(String name) { return steps0().getOrDefault(name, Double.NaN); }

        double steps() { return steps0().values().stream().mapToDouble(Double::doubleValue).sum(); }

        /** The ledger steps' time (every chain's). */
        double ledger() {
            return steps0().entrySet().stream().filter(e -> e.getKey().startsWith("ledger")).mapToDouble(Map.Entry::getValue).sum();
        }

        double kernel() { return number("assets traced in ([0-9.]+) s"); }

        double exposures() { return number("\\[trace] (\\d+) exposures\\b"); }

        double heapMb() { return number("peak heap (\\d+) MB"); }

        double peerLoad() { return number("load_s=([0-9.]+)"); }

        double peerTrace() { return number("trace_s=([0-9.]+)"); }

        double peerReached() { return number("reached=(\\d+)"); }

        double rss() { return rssMb < 0 ? Double.NaN : rssMb; }

        private double number(String regex) {
            Matcher m = Pattern.compile(regex).matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
    }

    /**
     * Runs a command, echoing its progress lines; peak RSS from /usr/bin/time -v when present, otherwise from the
     * process's VmHWM in /proc, read until it ends.
     */
    static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) cmd.addAll(List.of("/usr/bin/time", "-v"));
        cmd.addAll(command);
        System.err.println("$ " + String.join(" ", command));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        long[] hwm = {-1};
        Thread poll = null;
        if (!timed) {
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            poll = Thread.ofPlatform().daemon().start(() -> {
                while (p.isAlive()) {
                    try {
                        for (String l : Files.readAllLines(status)) {
                            if (l.startsWith("VmHWM:")) hwm[0] = Math.max(hwm[0], Long.parseLong(l.replaceAll("\\D", "")));
                        }
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        StringBuilder out = new StringBuilder();
        try (var r = p.inputReader()) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("[") || line.startsWith("peer=")) System.err.println("  " + line);
            }
        }
        int rc = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (poll != null) poll.join();
        Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(out);
        long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : hwm[0];
        Matcher heap = Pattern.compile("peak heap (\\d+) MB").matcher(out);
        return new Run(out.toString(), seconds, rssKb < 0 ? -1 : rssKb / 1024, heap.find() ? heap.group(1) : "?", rc, Double.NaN);
    }

    /**
     * Forward exposures of the data folder's run: "direction" : "forward" entries in its exposures.json (the
     * peer computes the forward reach only); -1 when there is no such file.
     */
    static long countForward(Path data) throws IOException {
        Path runs = data.resolve("runs");
        if (!Files.isDirectory(runs)) return -1;
        List<Path> files;
        try (Stream<Path> w = Files.walk(runs)) {
            files = w.filter(f -> f.getFileName().toString().equals("exposures.json")).toList();
        }
        if (files.isEmpty()) return -1;
        byte[] key = "\"direction\"".getBytes(), forward = "\"forward\"".getBytes();
        long count = 0;
        for (Path f : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 20)) {
                int phase = 0, k = 0, b;
                while ((b = in.read()) >= 0) {
                    if (phase == 1) {
                        if (b == ' ' || b == ':' || b == '\n' || b == '\r' || b == '\t') continue;
                        phase = 2;
                        k = 0;
                    }
                    if (phase == 2) {
                        if (b == forward[k]) {
                            if (++k == forward.length) { count++; phase = 0; k = 0; }
                            continue;
                        }
                        phase = 0;
                        k = 0;
                    }
                    if (b == key[k]) {
                        if (++k == key.length) { phase = 1; k = 0; }
                    } else {
                        k = b == key[0] ? 1 : 0;
                    }
                }
            }
        }
        return count;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
