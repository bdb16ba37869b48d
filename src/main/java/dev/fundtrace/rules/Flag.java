package dev.fundtrace.rules;

import java.util.List;

/**
 * One finding an investigator must see, with the flows and transaction hashes it rests on.
 *
 * @param depositAddress for EXCHANGE_CASH_OUT, the last unlabelled address before the exchange (null when a
 *                       seed paid the exchange directly)
 */
public record Flag(String id, Rule rule, Rule.Severity severity, String chain, String asset, String address,
                   String seed, int hops, List<String> flowIds, List<String> evidence, String explanation,
                   String depositAddress, boolean newSinceLastRun) {

    public Flag {
        flowIds = List.copyOf(flowIds);
        evidence = List.copyOf(evidence);
    }

    /** What makes two runs' flags "the same finding". */
    public String key() {
        return rule + "|" + chain + "|" + asset + "|" + address;
    }

    public Flag withNewSinceLastRun(boolean isNew) {
        return new Flag(id, rule, severity, chain, asset, address, seed, hops, flowIds, evidence, explanation,
                depositAddress, isNew);
    }
}
