package dev.fundtrace.batch;

import dev.fundtrace.report.FlagTally;
import dev.fundtrace.report.RunReport;
import org.springframework.batch.core.job.JobExecution;

import java.nio.file.Path;

/**
 * The one-screen summary of a run. The report step composes it into the job's context; the command line prints it
 * only once the whole run has completed, so a run that fails after its report never reads as a success.
 */
public final class Summary {
    private Summary() {}

    private static final String KEY = "fundtrace.summary", NEW_HIGH = "fundtrace.newHighFlags";

    /** The summary of a completed run, or null when its report step did not compose one. */
    public static String of(JobExecution execution) {
        return execution.getExecutionContext().containsKey(KEY) ? execution.getExecutionContext().getString(KEY) : null;
    }

    /** The HIGH flags of a completed run that are new since the last run (what report.exitOnNewHigh acts on). */
    public static int newHighFlags(JobExecution execution) {
        return execution.getExecutionContext().containsKey(NEW_HIGH) ? execution.getExecutionContext().getInt(NEW_HIGH) : 0;
    }

    /** @param flags what the report's flags said as they passed (the report holds none of them) */
    static void keep(JobExecution execution, RunReport r, FlagTally flags, Path folder) {
        execution.getExecutionContext().putString(KEY, compose(r, flags, folder));
        execution.getExecutionContext().putInt(NEW_HIGH, flags.newHigh());
    }

    /** "first run" when there is no earlier completed run to compare with, else how many flags are new. */
    static String sinceLastRun(RunReport r, FlagTally flags) {
        String ofThem = flags.reviewed() == 0 ? "" : ", " + flags.reviewed() + " reviewed";
        if (r.changes() == null || r.changes().previousRunDate() == null) return "first run" + ofThem;
        return flags.newIds().size() + " new since the run of " + r.changes().previousRunDate() + ofThem;
    }

    /** The summary of a report whose flags it holds. */
    static String compose(RunReport r, Path folder) {
        return compose(r, FlagTally.of(r.flags()), folder);
    }

    static String compose(RunReport r, FlagTally flags, Path folder) {
        var s = r.summary();
        StringBuilder out = new StringBuilder();
        out.append("fundtrace ").append(r.job()).append(" ").append(r.runDate()).append('\n');
        out.append("  designations : ").append(r.designations().size()).append(" loaded, ").append(s.seeds())
                .append(" seeds (").append(s.designatedAddresses()).append(" on traced chains)\n");
        for (var c : r.coverage().chains()) {
            out.append("  ledger       : ").append(c.chain()).append(" blocks ").append(c.fromBlock()).append("–")
                    .append(c.toBlock()).append(", ").append(c.transfers()).append(" transfers, ")
                    .append(c.reverted()).append(" reverted\n");
        }
        out.append("  reached      : ").append(s.reachedAddresses()).append(" addresses\n");
        out.append("  flags        : ").append(s.flags().get("HIGH")).append(" HIGH, ").append(s.flags().get("MEDIUM"))
                .append(" MEDIUM, ").append(s.flags().get("LOW")).append(" LOW");
        out.append(" (").append(sinceLastRun(r, flags)).append(")\n");
        flags.first().forEach(f -> out.append("    ").append(String.format("%-6s %-24s %s %s%n",
                f.severity(), f.rule(), f.address(), f.assetSymbol())));
        if (flags.count() > FlagTally.FIRST) out.append("    … ").append(flags.count() - FlagTally.FIRST).append(" more in the report\n");
        out.append("  rejected     : ").append(r.rejected().size()).append(" input records\n");
        out.append("  report       : ").append(folder.toAbsolutePath()).append('\n');
        return out.toString();
    }
}
