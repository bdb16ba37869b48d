package dev.fundtrace.cli;

/** Entry point for {@code run}, {@code validate} and {@code history}; see job-file.md. */
public final class FundtraceCommandLine {
    public int execute(String[] args) {
        System.err.println("usage: fundtrace run|validate|history");
        return 2;
    }
}
