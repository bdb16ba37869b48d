package dev.fundtrace.jobfile;

/** The job file or its inputs are invalid: nothing was run (exit status 2). */
public class JobFileException extends RuntimeException {
    public JobFileException(String message) { super(message); }

    public JobFileException(String message, Throwable cause) { super(message, cause); }
}
