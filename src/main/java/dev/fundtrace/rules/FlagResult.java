package dev.fundtrace.rules;

import dev.fundtrace.trace.Flow;

import java.util.List;

/** The flags of one chain's trace and the flows they rest on. */
public record FlagResult(List<Flag> flags, List<Flow> flows) {}
