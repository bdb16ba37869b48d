package dev.fundtrace.cli;

import dev.fundtrace.files.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before Spring starts and before any job execution is created, that a run can write where it will have to:
 * the report folder (written last, after all the work) and the data folder (database file, ledger segments, run
 * files). A read-only or misplaced folder used to fail the report step at the very end of a night.
 */
public final class Preflight {

    private Preflight() {}

    /**
     * @param dataFolder the data folder (fundtrace.data-dir, see DatabaseChoice)
     * @return one sentence naming it when it cannot be written, or empty
     */
    public static Optional<String> dataFolder(Path dataFolder) {
        return writable("data folder", dataFolder);
    }

    /**
     * @param reportFolder the report root (--report-dir, else the job file's report.dir)
     * @return one sentence naming it when it cannot be written, or empty
     */
    public static Optional<String> reportFolder(Path reportFolder) {
        return writable("report folder", reportFolder);
    }

    /**
     * Does what the run will do there: creates the folder if missing (owner-only) and a file in it, which it deletes.
     * A folder it created stays: the run needs it, and removing it again would pull it away from another start
     * checking the same folder at the same moment (two jobs share a report folder; four starts share a data folder).
     */
    static Optional<String> writable(String what, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            OwnerOnlyFiles.createDirectories(dir);
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
