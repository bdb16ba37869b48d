package dev.fundtrace.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Per-run files beside the database under the data folder: the exposures array written once per trace. */
@Component
class RunFiles {
    private final Path root;

    RunFiles(@Value("${fundtrace.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).resolve("runs");
    }

    Path exposuresJson(long runId) {
        return root.resolve(Long.toString(runId)).resolve("exposures.json");
    }
}
