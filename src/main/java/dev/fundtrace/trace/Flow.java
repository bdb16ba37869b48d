package dev.fundtrace.trace;

import java.math.BigInteger;
import java.util.List;

/**
 * The evidence for one endpoint: which seed, how many hops, how much taint, and one representative chain
 * (fewest hops, then earliest arrival; for backward flows latest departure) in the order money moved.
 */
public record Flow(String id, Direction direction, String chain, String asset, String assetSymbol, int decimals,
                   String seed, String endpoint, String endpointLabel, String endpointCategory, int hops,
                   BigInteger taintedAmountRaw, List<FlowStep> path) {
    public Flow {
        path = List.copyOf(path);
    }
}
