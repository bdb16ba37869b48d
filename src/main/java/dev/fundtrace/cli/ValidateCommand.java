package dev.fundtrace.cli;

import dev.fundtrace.jobfile.JobDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = FundtraceCommand.Version.class,
        description = "Checks the job file, that its inputs exist and their headers; runs nothing.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the job file and its inputs are valid", ExitCode.FAILED_LINE, ExitCode.INVALID_LINE})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOB_FILE", description = "the job file (YAML)")
    Path jobFile;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDateConverter.class,
            description = "the night whose inputs to check ({runDate} in the job file's paths; default: today, UTC)")
    LocalDate runDate;

    @Override
    public Integer call() {
        JobDefinition job = new Validation().check(jobFile, runDate != null ? runDate : LocalDate.now(ZoneOffset.UTC));
        System.out.println("fundtrace: " + job.jobFile() + " is valid (job '" + job.name() + "')");
        return ExitCode.COMPLETED;
    }
}
