package dev.fundtrace.jobfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobFileLoaderTest {

    @TempDir
    Path dir;

    private static final String JOB = """
            job: nightly
            designations:
              files:
                - sdn.xml
            ledger:
              ethereum:
                files: export
            trace:
              maxHops: 4
              dust: { ETH: "0" }
            """;

    private JobDefinition load(String text) throws Exception {
        return new JobFileLoader().load(Files.writeString(dir.resolve("job.yml"), text));
    }

    @Test
    void aJobFileWithEachKeyOnceIsRead() throws Exception {
        JobDefinition job = load(JOB);
        assertThat(job.trace().maxHops()).isEqualTo(4);
        assertThat(job.trace().dust()).containsOnlyKeys("ETH");
    }

    @Test
    void aKeyGivenTwiceInANestedMappingIsRefusedNamingBothLines() {
        String twice = JOB.replace("  dust: { ETH: \"0\" }\n", "  dust: { ETH: \"0\" }\n  maxHops: 6\n");
        assertThatThrownBy(() -> load(twice)).isInstanceOf(JobFileException.class)
                .hasMessageEndingWith("job.yml: line 11: duplicate key 'trace.maxHops' (first given on line 9; give each key once)");
    }

    @Test
    void aKeyGivenTwiceAtTheTopOrInAFlowMappingIsRefused() {
        assertThatThrownBy(() -> load(JOB + "job: other\n")).isInstanceOf(JobFileException.class)
                .hasMessageContaining("line 11: duplicate key 'job' (first given on line 1");
        assertThatThrownBy(() -> load(JOB.replace("{ ETH: \"0\" }", "{ ETH: \"0\", ETH: \"1\" }")))
                .isInstanceOf(JobFileException.class).hasMessageContaining("line 10: duplicate key 'trace.dust.ETH' (first given on line 10");
    }

    @Test
    void theTextARunKeptIsCheckedToo() {
        // a resumed run parses the text it started with, not the file on disk (which need not exist any more)
        assertThatThrownBy(() -> new JobFileLoader().parse(dir.resolve("gone.yml"), JOB + "job: other\n"))
                .isInstanceOf(JobFileException.class).hasMessageContaining("gone.yml: line 11: duplicate key 'job'");
    }

    @Test
    void theSameKeyInTwoDifferentMappingsIsNoDuplicate() throws Exception {
        // "files" under designations and under ledger.ethereum; "ETH" in dust and in the rules
        JobDefinition job = load(JOB + "rules:\n  indirectExposureMin: { ETH: \"0.5\" }\n");
        assertThat(job.rules().indirectExposureMin()).containsOnlyKeys("ETH");
    }

    @Test
    void aSyntaxErrorIsStillReportedWithItsLine() {
        assertThatThrownBy(() -> load(JOB + "trace: [unclosed\n")).isInstanceOf(JobFileException.class)
                .hasMessageContaining("line ");
    }
}
