package dev.fundtrace.report;

/**
 * A flag as the writers take it: its row, the amount it states ({@link FlagAmount}) and the decimals of its first
 * flow, null when it rests on none (then the CSV states no display amount and the page shows the raw units).
 */
public record ReportedFlag(RunReport.FlagRow row, String amountRaw, Integer decimals) {}
