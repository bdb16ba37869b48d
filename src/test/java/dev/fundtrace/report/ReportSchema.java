package dev.fundtrace.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** docs/report.schema.json (JSON Schema draft 2020-12), the published shape of report.json, as tests check it. */
public final class ReportSchema {

    public static final Path FILE = Path.of("docs/report.schema.json");

    private static final Schema SCHEMA = load();

    private ReportSchema() {}

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(FILE), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code json} breaks the schema, one line each ("$.flags[0].amountRaw: …"); empty when it conforms. */
    public static List<String> violations(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    public static List<String> violations(Path reportJson) {
        try {
            return violations(Files.readString(reportJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
