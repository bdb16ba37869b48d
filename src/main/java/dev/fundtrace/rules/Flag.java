package dev.fundtrace.rules;

import java.util.List;

/**
 * One finding an investigator must see, with the flows and transaction hashes it rests on.
 *
 * @param depositAddress for EXCHANGE_CASH_OUT, the last unlabelled address before the exchange (null when a
 *                       seed paid the exchange directly)
 * @param amountRaw      the flag's amount in raw units (integer string): for DIRECT_COUNTERPARTY every direct
 *                       transfer between the address and the seed, otherwise its first flow's tainted amount; null
 *                       when it rests on no flow
 */
public record Flag(String id, Rule rule, Rule.Severity severity, String chain, String asset, String address,
                   String seed, int hops, List<String> flowIds, List<String> evidence, String explanation,
                   String depositAddress, String amountRaw, boolean newSinceLastRun) {

    public Flag {
        flowIds = List.copyOf(flowIds);
        evidence = List.copyOf(evidence);
    }

    /** What makes two runs' flags "the same finding": (rule, chain, asset, address, seed). */
    public String key() {
        return PendingFlag.identity(rule, chain, asset, address, seed);
    }

    /** {@link #key()} as a number, for comparing runs (see {@link FlagKey}). */
    public long keyHash() {
        return FlagKey.hash(key());
    }

    public Flag withNewSinceLastRun(boolean isNew) {
        return new Flag(id, rule, severity, chain, asset, address, seed, hops, flowIds, evidence, explanation,
                depositAddress, amountRaw, isNew);
    }
}
