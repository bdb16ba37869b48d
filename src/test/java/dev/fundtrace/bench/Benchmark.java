package dev.fundtrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench command ({@code mvn -Pbench verify -Dbench.n=10000000}): generates a reproducible export of N
 * transfers, runs the DuckDB peer of ../shared/bench on it, then the fundtrace job as deployed for large nights
 * (jar extracted, AOT cache recorded on a training night over N/10, huge pages) twice (first night and an
 * unchanged second night), and once more as a plain {@code java -jar} first night, each in its own JVM, one after
 * the other, and prints each step's time and rate, peak heap and peak memory beside DuckDB's figures.
 */
public final class Benchmark {

    static final String[] SEEDS = SyntheticExport.SEEDS;

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        String duckJar = args.length > 2 ? args[2] : "";
        Path project = Path.of("").toAbsolutePath();
        Path job = jobFile(work, n, project);
        Path export = work.resolve("export-" + SyntheticExport.SHAPE + "-" + n);
        Path labels = labelsFile(work, n);
        long bytes = Files.size(export.resolve("transactions.csv")) + Files.size(export.resolve("receipts.csv"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Map<String, String> duck = new LinkedHashMap<>();
        Path peer = project.resolve("../shared/bench/DuckPeer.java").normalize();
        if (!duckJar.isEmpty() && Files.isRegularFile(Path.of(duckJar)) && Files.isRegularFile(peer)) {
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", duckJar, peer.toString(), export.toString(), "4",
                    "--labels=" + labels));
            cmd.addAll(List.of(SEEDS));
            Run r = run(cmd, project);
            Matcher m = Pattern.compile("load_s=([0-9.]+) trace_s=([0-9.]+)").matcher(r.out);
            Matcher reach = Pattern.compile("reached=(\\d+)").matcher(r.out);
            if (m.find()) { duck.put("load", m.group(1)); duck.put("trace", m.group(2)); }
            if (reach.find()) duck.put("reached", reach.group(1));
            duck.put("wall", String.format("%.2f", r.seconds));
            duck.put("rss", r.rssMb < 0 ? "?" : Long.toString(r.rssMb));
        } else {
            System.err.println("DuckDB peer skipped (needs -Dduckdb.jar and ../shared/bench/DuckPeer.java)");
        }

        // As deployed (README, "Running large nights"): the jar extracted, an AOT cache recorded on a training night
        // over a smaller export of the same shape, and the heap on transparent huge pages.
        Path app = work.resolve("app");
        deleteTree(app);
        run(List.of(java, "-Djarmode=tools", "-jar", project.resolve("target/fundtrace.jar").toString(), "extract",
                "--destination", app.toString()), project);
        long trainN = Math.max(100_000, n / 10);
        Path trainJob = jobFile(work, trainN, project);
        Path trainData = work.resolve("data-train-" + trainN);
        deleteTree(trainData);
        Path aot = app.resolve("fundtrace.aot");
        run(List.of(java, "-Xmx4g", "-XX:AOTCacheOutput=" + aot, "-Xlog:aot*=error", "-Dfundtrace.data-dir=" + trainData,
                "-jar", app.resolve("fundtrace.jar").toString(), "run", trainJob.toString(), "--run-date=2026-01-01"), project);
        List<String> deployed = List.of(java, "-Xms1g", "-Xmx4g", "-XX:+UseTransparentHugePages", "-XX:AOTCache=" + aot,
                "-Xlog:aot*=error", "-jar", app.resolve("fundtrace.jar").toString());

        Path data = work.resolve("data-" + n);
        deleteTree(data);
        Run first = run(withData(deployed, data, job, "2026-01-01"), project);
        Run second = run(withData(deployed, data, job, "2026-01-02"), project);
        // for reference: the first night as a plain `java -jar`, no AOT cache, no huge pages
        deleteTree(data);
        Run plain = run(withData(List.of(java, "-Xmx4g", "-jar", project.resolve("target/fundtrace.jar").toString()),
                data, job, "2026-01-01"), project);

        System.out.printf("%n## fundtrace vs DuckDB, N = %,d transfers (%.2f GB of CSV), %d cores%n%n", n, bytes / 1e9,
                Runtime.getRuntime().availableProcessors());
        System.out.println("| step | first night s | rate | second night s | first night, plain java -jar s |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String step : List.of("designations", "labels", "ledger-ethereum", "trace", "flags", "report")) {
            double a = first.step(step), b = second.step(step);
            System.out.printf("| %s | %.2f | %s | %.2f | %.2f |%n", step, a, step.equals("ledger-ethereum") || step.equals("trace")
                    ? String.format("%,.0f transfers/s", n / Math.max(a, 1e-3)) : "", b, plain.step(step));
        }
        System.out.printf("| trace kernel (graph + reach + haircut + backward) | %.2f | %,.0f transfers/s | %.2f | %.2f |%n",
                first.kernel(), n / Math.max(first.kernel(), 1e-3), second.kernel(), plain.kernel());
        System.out.printf("| job (sum of steps) | %.2f | | %.2f | %.2f |%n", first.steps(), second.steps(), plain.steps());
        System.out.printf("| process wall (JVM + Spring start included) | %.2f | | %.2f | %.2f |%n", first.seconds, second.seconds, plain.seconds);
        System.out.printf("| peak heap MB / peak RSS MB | %s / %s | | %s / %s | %s / %s |%n", first.heapMb, first.rssMb,
                second.heapMb, second.rssMb, plain.heapMb, plain.rssMb);
        System.out.printf("| addresses reached (forward and backward) | %s | | | |%n", first.reached());
        System.out.println("\nlaunch: " + String.join(" ", deployed) + " (AOT cache recorded on a " + trainN + "-transfer night)");
        if (!duck.isEmpty()) {
            System.out.printf("%nDuckDB 1.5 peer: load %s s + forward reach %s s = %.2f s; process wall %s s; peak RSS %s MB; reached %s%n",
                    duck.get("load"), duck.get("trace"), Double.parseDouble(duck.get("load")) + Double.parseDouble(duck.get("trace")),
                    duck.get("wall"), duck.get("rss"), duck.get("reached"));
        }
        System.out.printf("second night / first night (job steps): %.1f%%%n", 100 * second.steps() / Math.max(first.steps(), 1e-3));
    }

    /** The export of N transfers (generated once per shape) and a job file over it; returns the job file. */
    static Path jobFile(Path work, long n, Path project) throws IOException {
        // the shape version is in the names, so a changed generator never reuses an older export
        Path export = work.resolve("export-" + SyntheticExport.SHAPE + "-" + n);
        if (!Files.isRegularFile(export.resolve("receipts.csv"))) {
            System.err.println("generating " + n + " transfers into " + export);
            SyntheticExport.write(export, n);
        }
        Path labels = labelsFile(work, n);
        SyntheticExport.writeLabels(labels, project.resolve("sample-data/labels/labels.csv"), n);
        Path job = work.resolve("bench-" + n + ".yml");
        Files.writeString(job, """
                job: bench-%d
                designations:
                  files: [%s]
                  select: { uids: ["29702", "29703"] }
                ledger:
                  ethereum: { files: %s }
                labels: [%s]
                trace: { direction: both, maxHops: 4 }
                rules: { indirectExposureMin: { ETH: "0.5" } }
                report: { dir: %s, formats: [html, csv, json] }
                """.formatted(n, project.resolve("sample-data/ofac/sdn_advanced.xml"), export,
                labels, work.resolve("reports")));
        return job;
    }

    static Path labelsFile(Path work, long n) {
        return work.resolve("labels-" + SyntheticExport.SHAPE + "-" + n + ".csv");
    }

    static List<String> withData(List<String> launch, Path data, Path job, String date) {
        List<String> cmd = new ArrayList<>(launch);
        cmd.add(cmd.indexOf("-jar"), "-Dfundtrace.data-dir=" + data);
        cmd.addAll(List.of("run", job.toString(), "--run-date=" + date));
        return cmd;
    }

    record Run(String out, double seconds, long rssMb, String heapMb) {
        double step(String name) {
            Matcher m = Pattern.compile("\\[" + name + "\\] COMPLETED in ([0-9.]+) s").matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        double steps() {
            double s = 0;
            for (String step : List.of("designations", "labels", "ledger-ethereum", "trace", "flags", "report")) s += step(step);
            return s;
        }

        double kernel() {
            Matcher m = Pattern.compile("assets traced in ([0-9.]+) s").matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }

        String reached() {
            Matcher m = Pattern.compile("\\[trace] (\\d+) exposures\\b").matcher(out);
            return m.find() ? m.group(1) : "?";
        }
    }

    /** Runs a command under /usr/bin/time -v when present (peak RSS), echoing its output. */
    static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) cmd.addAll(List.of("/usr/bin/time", "-v"));
        cmd.addAll(command);
        System.err.println("$ " + String.join(" ", command));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
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
        if (rc != 0) throw new IllegalStateException("command failed (" + rc + "):\n" + out);
        Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(out);
        Matcher heap = Pattern.compile("peak heap (\\d+) MB").matcher(out);
        return new Run(out.toString(), seconds, rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1,
                heap.find() ? heap.group(1) : "?");
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
