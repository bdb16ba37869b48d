package dev.fundtrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code fundtrace} without a command: the usage, on standard error, and exit 2. */
@Command(name = "fundtrace", mixinStandardHelpOptions = true, versionProvider = FundtraceCommand.Version.class,
        description = "Traces sanctioned crypto money night after night: a job file names the sanctions lists, the"
                + " ledgers and the rules; each run writes report.html, flagged-flows.csv, report.json and rejected.csv.",
        synopsisSubcommandLabel = "(run | validate | history | help)",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {ExitCode.COMPLETED_LINE, ExitCode.FAILED_LINE, ExitCode.INVALID_LINE, ExitCode.NEW_HIGH_LINE},
        footer = {"", "'fundtrace help COMMAND' or 'fundtrace COMMAND --help' shows a command's options."})
final class FundtraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("fundtrace: no command given");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID;
    }

    /** The version the build recorded, the one every report's audit trail names. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"fundtrace " + dev.fundtrace.audit.FundtraceVersion.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
