package dev.fundtrace.cli;

/** The exit statuses a scheduler acts on; the usage lists them with these words. */
public final class ExitCode {
    private ExitCode() {}

    /** The run completed (or had completed already): nothing to do. */
    public static final int COMPLETED = 0;
    /** The run failed or could not start (an input missing, a run already live): the same command resumes or retries. */
    public static final int FAILED = 1;
    /** The job file or the arguments are invalid: nothing was run, and running it again will not help. */
    public static final int INVALID = 2;
    /** The run completed and wrote every report, with new HIGH flags, and the job file asks to be told (report.exitOnNewHigh). */
    public static final int NEW_HIGH_FLAGS = 3;

    static final String COMPLETED_LINE = "0:the run completed (or had completed already for that date)";
    static final String FAILED_LINE = "1:the run failed or an input is missing: the same command resumes it";
    static final String INVALID_LINE = "2:the job file or the arguments are invalid: nothing was run";
    static final String NEW_HIGH_LINE = "3:the run completed with new HIGH flags (only with exitOnNewHigh: true)";
}
