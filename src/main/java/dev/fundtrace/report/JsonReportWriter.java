package dev.fundtrace.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/** report.json: the whole result for machines, in report.md's shape (raw amounts as decimal strings). */
public final class JsonReportWriter {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(RunReport report, Path file) {
        json.writeValue(file.toFile(), report);
    }
}
