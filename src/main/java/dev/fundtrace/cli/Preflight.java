package dev.fundtrace.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before Spring starts and before any job execution is created, that a run can write where it will have to:
 * the report folder (written last, after all the work) and the data folder (database file, ledger segments, run
 * files). A read-only or misplaced folder used to fail the report step at the very end of a night.
 */
public final class Preflight {

    static final String DATA_DIR = "fundtrace.data-dir";

    private Preflight() {}

    /**
     * @param reportFolder the report root (--report-dir, else the job file's report.dir)
     * @param dataFolder   the data folder ({@link #dataFolder})
     * @return one sentence naming the first folder that cannot be written, or empty when both can
     */
    public static Optional<String> check(Path reportFolder, Path dataFolder) {
        Optional<String> report = writable("report folder", reportFolder);
        return report.isPresent() ? report : writable("data folder", dataFolder);
    }

    /**
     * The data folder Spring will use: {@code -Dfundtrace.data-dir}, else the environment's
     * {@code FUNDTRACE_DATA_DIR}, else the given property (tests), else {@code ./data} (application.properties).
     */
    static Path dataFolder(Map<String, Object> properties) {
        String dir = System.getProperty(DATA_DIR);
        if (dir == null) dir = System.getenv("FUNDTRACE_DATA_DIR");
        if (dir == null && properties.get(DATA_DIR) != null) dir = properties.get(DATA_DIR).toString();
        return Path.of(dir == null ? "./data" : dir);
    }

    /** Creates the folder if missing, then a file in it (deleted again): what the run will do there. */
    static Optional<String> writable(String what, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Optional.of("the " + what + " " + dir + " cannot be created (" + reason(e, dir) + "); nothing was run.");
        }
        try {
            Path probe = Files.createTempFile(dir, ".fundtrace-write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return Optional.of("the " + what + " " + dir + " is not writable (" + reason(e, null) + "); nothing was run.");
        }
        return Optional.empty();
    }

    /** The system's reason; the file it names too when that is another one than {@code dir} (null: never). */
    private static String reason(IOException e, Path dir) {
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " is a file, not a folder";
        // these two carry only the file name, no reason
        if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "No such file or directory";
        if (e instanceof FileSystemException f && f.getReason() != null) {
            boolean same = f.getFile() == null || dir == null || dir.toString().equals(f.getFile());
            return same ? f.getReason() : f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
