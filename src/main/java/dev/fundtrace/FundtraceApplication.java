package dev.fundtrace;

import dev.fundtrace.cli.FundtraceCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** fundtrace: a nightly Spring Batch job that follows sanctioned money. */
@SpringBootApplication
public class FundtraceApplication {

    public static void main(String[] args) {
        System.exit(new FundtraceCommandLine().execute(args));
    }
}
