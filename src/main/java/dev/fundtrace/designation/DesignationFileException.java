package dev.fundtrace.designation;

/**
 * A sanctions file that cannot be read at all (unknown format, malformed or unsafe XML, I/O error).
 * Unchecked: the caller cannot recover per record, only report the file and stop.
 */
public class DesignationFileException extends RuntimeException {

    public DesignationFileException(String file, String reason) {
        super(file + ": " + reason);
    }

    public DesignationFileException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
