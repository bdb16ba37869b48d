package dev.fundtrace.cli;

import picocli.CommandLine;

/** A refused command line in fundtrace's words: which argument, and why. */
final class ArgumentErrors {
    private ArgumentErrors() {}

    static String sentence(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return e.getMessage();
        String arg = u.getUnmatched().getFirst();
        CommandLine command = e.getCommandLine();
        if (arg.startsWith("-")) return "unknown option '" + arg + "'";
        if (command.getParent() == null) return "unknown command '" + arg + "'";
        if (command.getCommandName().equals("history")) return "history takes at most one job name; unexpected argument '" + arg + "'";
        return "unexpected argument '" + arg + "' after the job file";
    }
}
