package dev.fundtrace.batch;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample job's report.html as a reader gets it: rendered by headless Chromium (Debian's {@code chromium}, which
 * .ci/run installs), with every host name unresolvable so that nothing can load from the network. The DOM has one
 * summary row per designation and one flag row per flag shown (the page states any cap); the page prints to PDF,
 * and its screenshot and PDF are kept under target/report-in-chromium as build artifacts.
 */
class ReportInChromiumFunctionalTests {

    static final Path ARTIFACTS = Path.of("target/report-in-chromium");

    @TempDir
    static Path work;

    static Path page;
    static JsonNode report;
    static String chromium;

    @BeforeAll
    static void renderTheSampleJob() throws Exception {
        chromium = findChromium();
        if (chromium == null) {
            String why = "chromium is not installed (.ci/run installs Debian's chromium)";
            if (System.getenv("CI") != null) Assertions.fail(why); // CI must run this test
            Assumptions.abort(why + "; skipped outside CI");
        }
        Path reports = work.resolve("reports");
        int exit = new FundtraceCommandLine().with("fundtrace.data-dir", work.resolve("data").toString())
                .execute("run", "jobs/ira-nightly.yml", "--run-date=2026-11-28", "--report-dir=" + reports);
        assertThat(exit).isZero();
        Path folder = reports.resolve("ira-nightly/2026-11-28");
        page = folder.resolve("report.html");
        report = JsonMapper.builder().build().readTree(folder.resolve("report.json").toFile());
        Files.createDirectories(ARTIFACTS);
    }

    private static String findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    /** Runs headless Chromium on the page with {@code extra} arguments; returns its standard output. */
    private static String chromium(String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--user-data-dir=" + work.resolve("profile"),
                // no host name resolves: a page that fetched anything from the network would render without it
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Path out = work.resolve("chromium.out"), err = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("chromium did not finish in 180 s: " + Files.readString(err));
        }
        assertThat(p.exitValue()).as("chromium: " + Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void theDomHasASummaryRowPerDesignationAndAFlagRowPerFlagShownAndNothingFromTheNetwork() throws Exception {
        long t0 = System.nanoTime();
        String dom = chromium("--dump-dom");
        System.out.printf("report.html (%,d bytes) rendered by chromium in %.1f s%n", Files.size(page), (System.nanoTime() - t0) / 1e9);
        Files.writeString(ARTIFACTS.resolve("report.dom.html"), dom);

        assertThat(count(dom, "<tr class=\"designation-row\"")).isEqualTo(report.get("designations").size());
        int flags = report.get("flags").size(), shown = count(dom, "<tr class=\"flag-row ");
        assertThat(shown).isPositive().isLessThanOrEqualTo(flags);
        if (shown < flags) assertThat(dom).contains("This page lists " + shown + " of " + flags + " flags");
        // page one: the case summary comes before the graph, and the graph before the flags
        assertThat(dom.indexOf("id=\"summary\"")).isLessThan(dom.indexOf("id=\"graph\""));
        assertThat(dom.indexOf("id=\"graph\"")).isLessThan(dom.indexOf("id=\"flags\""));
        assertThat(dom).contains("designated addresses are on chains this job traces");

        // nothing loads from the network: no script, stylesheet, image or frame from anywhere but the page;
        // the only http(s) URLs are explorer links a reader may follow (<a rel="noreferrer">)
        String withoutLinks = dom.replaceAll("<a [^>]*href=\"https?://[^\"]*\"[^>]*rel=\"noreferrer\"[^>]*>", "<a>");
        assertThat(withoutLinks).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(withoutLinks).doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//");
        assertThat(dom.toLowerCase()).doesNotContain("<script").doesNotContain("<link").doesNotContain("<iframe");
    }

    @Test
    void thePagePrintsToPdfAndKeepsAScreenshot() throws Exception {
        Path pdf = ARTIFACTS.resolve("report.pdf"), png = ARTIFACTS.resolve("report.png");
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(png);
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath());
        chromium("--window-size=1280,1800", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath());
        assertThat(pdf).isRegularFile();
        assertThat(png).isRegularFile();
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        int pages = count(text, "/Type\\s*/Page(?![s\\w])");
        Files.writeString(ARTIFACTS.resolve("pages.txt"), pages + "\n");
        System.out.printf("report.pdf: %d pages (%,d bytes); screenshot %s%n", pages, Files.size(pdf), png.toAbsolutePath());
        assertThat(pages).isPositive();
    }
}
