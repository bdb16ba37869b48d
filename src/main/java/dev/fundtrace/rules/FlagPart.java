package dev.fundtrace.rules;

import java.math.BigInteger;
import java.util.List;

/**
 * One rule hit as a part of its flag, before hits with the same key are merged ({@link FlagParts#merge}). Parts
 * come out of {@link FlagEngine} as the rules find them; merging needs them grouped by {@link #key()} in the order
 * they came, which a sorter of any size can do.
 *
 * @param flow            the handle the {@link FindingSink} gave the flow the hit rests on, or -1 (a hit at a seed)
 * @param flowId          that flow's id, or null
 * @param flowAmountRaw   that flow's tainted amount, or null
 * @param statedAmountRaw the amount the hit states for itself (DIRECT_COUNTERPARTY), or null
 * @param reason          what the hit found, the explanation's clause after the address
 */
public record FlagPart(Rule rule, String chain, String asset, String assetSymbol, int decimals, String address,
                       String seed, int hops, int flow, String flowId, BigInteger flowAmountRaw,
                       BigInteger statedAmountRaw, List<String> evidence, String reason, String depositAddress) {

    public FlagPart {
        evidence = List.copyOf(evidence);
    }

    /** The identity of the flag this part belongs to (see {@link Flag#key()}). */
    public String key() {
        return PendingFlag.identity(rule, chain, asset, address, seed);
    }

    public Rule.Severity severity() {
        return rule.severity();
    }
}
