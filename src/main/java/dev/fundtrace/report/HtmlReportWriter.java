package dev.fundtrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Placeholder until the Thymeleaf report lands: a minimal escaped page. */
public final class HtmlReportWriter {
    public void write(RunReport report, Path file) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>fundtrace</title></head><body>");
        sb.append("<h1>").append(esc(report.job())).append(' ').append(esc(report.runDate())).append("</h1><ul>");
        for (RunReport.FlagRow f : report.flags()) {
            sb.append("<li>").append(esc(f.severity())).append(' ').append(esc(f.rule())).append(' ').append(esc(f.address()))
                    .append(": ").append(esc(f.explanation())).append("</li>");
        }
        sb.append("</ul></body></html>");
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
