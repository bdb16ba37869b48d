package dev.fundtrace.rules;

import java.util.function.Consumer;

/**
 * One rule of utxo.md's table "Flags on UTXO chains". A rule reads a chain's coin trace and says where it fires;
 * {@link FlagEngine} turns the hits of all rules into flags, as it does for the account chains' {@link FlagRule}s.
 */
interface CoinFlagRule {

    /** Hands {@code hits} the rule's hits on one chain's coin trace, in a stable order, as it finds them. */
    void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits);
}
