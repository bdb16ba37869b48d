package dev.fundtrace.batch;

import dev.fundtrace.results.ExposureFiles;
import dev.fundtrace.results.Findings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * Per-trace files beside the database under the data folder, named by the run that traced
 * ({@code runs/<run>/}): its exposures (report.json's array and page one's totals) and its findings (flags,
 * report.json's flows, the page's flows), each written once per trace and read by every report of it.
 */
@Component
class RunFiles {
    private final Path root;

    RunFiles(@Value("${fundtrace.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).resolve("runs");
    }

    Path folder(long runId) {
        return root.resolve(Long.toString(runId));
    }

    ExposureFiles exposures(long runId) {
        return new ExposureFiles(folder(runId));
    }

    Findings findings(long runId) {
        return new Findings(folder(runId));
    }
}
