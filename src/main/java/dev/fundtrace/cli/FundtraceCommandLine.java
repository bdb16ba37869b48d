package dev.fundtrace.cli;

import dev.fundtrace.designation.DesignationFileException;
import dev.fundtrace.jobfile.JobFileException;
import dev.fundtrace.jobfile.MissingInputException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code run}, {@code validate} and {@code history} (picocli), as job-file.md specifies, with {@code help},
 * {@code --help}/{@code -h} and {@code --version}. Exit status: see {@link ExitCode}.
 */
public final class FundtraceCommandLine {

    private final RunEnvironment environment = new RunEnvironment();

    /** Extra Spring properties (tests point the data folder elsewhere). */
    public FundtraceCommandLine with(String key, Object value) {
        environment.put(key, value);
        return this;
    }

    public int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Built per execution: picocli's writers wrap the standard streams of the moment (tests capture them). */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FundtraceCommand())
                .addSubcommand(new RunCommand(environment))
                .addSubcommand(new ValidateCommand())
                .addSubcommand(new HistoryCommand(environment))
                .addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        cl.setParameterExceptionHandler(FundtraceCommandLine::invalidArguments);
        cl.setExecutionExceptionHandler((e, command, parsed) -> refused(e));
        return cl;
    }

    private static int invalidArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("fundtrace: " + ArgumentErrors.sentence(e));
        CommandLine.Help help = command.getHelp();
        command.getErr().println((help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength())).stripTrailing());
        command.getErr().println("(" + helpHint(command) + " for every option and the exit codes)");
        command.getErr().flush();
        return ExitCode.INVALID;
    }

    private static String helpHint(CommandLine command) {
        return command.getParent() == null ? "fundtrace --help" : "fundtrace " + command.getCommandName() + " --help";
    }

    /** What a command threw: a bad job file is invalid (2), a missing input worth retrying (1). */
    private static int refused(Exception e) {
        return switch (e) {
            case JobFileException j -> say(j.getMessage(), ExitCode.INVALID);
            case DesignationFileException d -> say(d.getMessage(), ExitCode.INVALID);
            case MissingInputException m -> say(m.getMessage(), ExitCode.FAILED);
            default -> Failures.failed("run failed", e);
        };
    }

    private static int say(String message, int exit) {
        System.err.println("fundtrace: " + message);
        return exit;
    }
}
