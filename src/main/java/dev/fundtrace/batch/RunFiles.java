package dev.fundtrace.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-run files beside the database under the data folder: the exposures and flows arrays of report.json, written
 * once per trace (see JsonReportWriter) and named by the run that traced.
 */
@Component
class RunFiles {
    private final Path root;

    RunFiles(@Value("${fundtrace.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).resolve("runs");
    }

    Path exposuresJson(long runId) {
        return root.resolve(Long.toString(runId)).resolve("exposures.json");
    }

    Path flowsJson(long runId) {
        return root.resolve(Long.toString(runId)).resolve("flows.json");
    }

    /** Forgets the flows array of a run whose flows are being stored again: the report writes it anew from them. */
    void forgetFlowsJson(long runId) {
        try {
            Files.deleteIfExists(flowsJson(runId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + flowsJson(runId) + ": " + e.getMessage(), e);
        }
    }
}
