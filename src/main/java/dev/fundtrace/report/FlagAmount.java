package dev.fundtrace.report;

/**
 * The amount a flag states, the same in every format: its own ({@code amountRaw}: for DIRECT_COUNTERPARTY every
 * direct transfer between the address and the seed), else its first flow's tainted amount (a report written before
 * flags carried their own).
 */
final class FlagAmount {

    private FlagAmount() {}

    /** The raw amount (integer string), or null when the flag rests on no flow and states none. */
    static String raw(RunReport.FlagRow flag, RunReport.FlowRow firstFlow) {
        if (flag.amountRaw() != null) return flag.amountRaw();
        return firstFlow == null ? null : firstFlow.taintedAmountRaw();
    }
}
