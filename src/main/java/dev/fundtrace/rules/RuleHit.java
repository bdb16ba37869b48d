package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.util.List;

/**
 * What a rule class found, before it is a flag: {@link FlagEngine} adds the flow to {@code address} in
 * {@code direction} (the flag's hops and seed come from it) and merges hits with the same flag key.
 *
 * @param address  local address id in {@code asset}'s graph: the flag's address
 * @param evidence the flag's evidence, in order; the flow's own path is named by its id, not copied in
 */
record RuleHit(Rule rule, AssetTrace asset, int address, Direction direction, List<String> evidence,
               String explanation) {

    RuleHit {
        evidence = List.copyOf(evidence);
    }
}
