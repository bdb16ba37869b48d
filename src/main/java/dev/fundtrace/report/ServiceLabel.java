package dev.fundtrace.report;

/** A labelled address, as the page names the addresses it shows ("Binance 14 · exchange"). */
public record ServiceLabel(String chain, String address, String label, String category) {}
