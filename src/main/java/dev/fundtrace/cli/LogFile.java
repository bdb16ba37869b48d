package dev.fundtrace.cli;

import dev.fundtrace.files.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log file (stack traces, logback-spring.xml): {@code logging.file.name}, by default {@code fundtrace.log} in the
 * data folder. It is created owner-only before Spring starts logging, like every file fundtrace writes: logback would
 * create it with the umask's mode, and its stack traces may quote what the inputs said.
 */
final class LogFile {

    private LogFile() {}

    static Path of(Path dataDir) {
        String configured = System.getProperty("logging.file.name");
        if (configured == null) configured = System.getenv("LOGGING_FILE_NAME");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize() : dataDir.resolve("fundtrace.log");
    }

    /** Creates the log file owner-only if it is missing; a file that cannot be made is left to logback to report. */
    static Path prepare(Path dataDir) {
        Path file = of(dataDir);
        try {
            if (file.getParent() != null) OwnerOnlyFiles.createDirectories(file.getParent());
            if (!Files.exists(file)) Files.createFile(file, OwnerOnlyFiles.FILE);
        } catch (IOException e) {
            // logback says so on standard error, and the run goes on without its log file
        }
        return file;
    }
}
