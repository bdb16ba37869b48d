package dev.fundtrace.rules;

import java.util.function.Consumer;

/**
 * One rule of report.md's table. A rule reads a chain's trace and says where it fires; {@link FlagEngine}
 * turns the hits of all rules into flags, so a rule knows nothing of flag ids, merging or order.
 */
interface FlagRule {

    /**
     * Hands {@code hits} the rule's hits on one chain's trace, in a stable order, as it finds them (a large trace
     * has hundreds of thousands: they are not collected first).
     */
    void evaluate(RuleContext context, Consumer<RuleHit> hits);
}
