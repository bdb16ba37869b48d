package dev.fundtrace.jobfile;

/**
 * An input the job names is not there (yet): a late export, an unmounted share. Unlike an invalid job file
 * (JobFileException) it is worth retrying, so the command line exits 1, not 2.
 */
public class MissingInputException extends RuntimeException {
    public MissingInputException(String message) {
        super(message);
    }
}
