package dev.fundtrace.results;

import dev.fundtrace.report.FlagSource;
import dev.fundtrace.report.PageFlows;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * What a trace's flag rules found, as files in one folder beside its exposures ({@code runs/<run>/findings/}):
 * the flags in report order ({@link FlagFile}), report.json's flows array and the page's flows. Written once per
 * trace by {@link FindingsWriter}, read by every report of that trace; the folder is there whole or not at all.
 */
public final class Findings {

    static final String FLAGS = "flags.bin", FLOWS = "flows.json", PAGE_FLOWS = "page-flows.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;

    /** The findings of the trace whose run folder is {@code runFolder}. */
    public Findings(Path runFolder) {
        this.folder = runFolder.resolve("findings");
    }

    public Path folder() { return folder; }

    Path temporaryFolder() { return folder.resolveSibling(".findings.tmp"); }

    /** True when the findings were written whole. */
    public boolean exist() {
        return Files.isRegularFile(folder.resolve(FLOWS)) && Files.isRegularFile(folder.resolve(PAGE_FLOWS))
                && FlagFile.counts(folder.resolve(FLAGS)).isPresent();
    }

    /** How many flags of each severity (HIGH, MEDIUM, LOW). */
    public Map<String, Integer> counts() {
        return FlagFile.counts(folder.resolve(FLAGS)).orElseThrow(() -> new IllegalStateException(folder + " is incomplete"));
    }

    /**
     * Where reports keep these flags as they rendered them (see RenderedFlags): beside the findings, and deleted
     * whenever they are written again.
     */
    public Path renderedFlagsFolder() { return folder.resolveSibling("rendered-flags"); }

    /** report.json's flows array. */
    public Path flowsJson() { return folder.resolve(FLOWS); }

    public PageFlows pageFlows() {
        return JSON.readValue(folder.resolve(PAGE_FLOWS).toFile(), PageFlows.class);
    }

    /** The flags in report order, read from the file at each pass; {@code isNew} says which are new, by key hash. */
    public FlagSource flags(LongPredicate isNew) {
        return only(k -> true, isNew);
    }

    /** Those flags whose key hash {@code take} takes. */
    public FlagSource only(LongPredicate take, LongPredicate isNew) {
        Path file = folder.resolve(FLAGS);
        return each -> FlagFile.read(file, take, isNew, each);
    }

    /** Puts the whole folder {@code written} in place of the findings, replacing any earlier ones. */
    void publish(Path written) throws IOException {
        deleteFolder(renderedFlagsFolder());
        deleteFolder(folder);
        Files.move(written, folder, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a findings folder (its files, then itself), if there is one. */
    static void deleteFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }
}
