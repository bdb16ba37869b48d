package dev.fundtrace.cli;

/** One sentence on standard error for a failure; its stack trace goes to the log file only (logback-spring.xml). */
final class Failures {
    private Failures() {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FundtraceCommandLine.class);

    /** A run that failed outside its steps. */
    static int failed(String what, Throwable e) {
        LOG.error(what, e);
        System.err.println("fundtrace: " + what + ": " + rootMessage(e));
        return ExitCode.FAILED;
    }

    /** The outermost message that says something: fundtrace's own exceptions compose a sentence with the cause. */
    static String firstMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        }
        return t.toString();
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
