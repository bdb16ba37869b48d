package dev.fundtrace.rules;

import java.util.List;

/**
 * One rule of report.md's table. A rule reads a chain's trace and says where it fires; {@link FlagEngine}
 * turns the hits of all rules into flags, so a rule knows nothing of flag ids, merging or order.
 */
interface FlagRule {

    /** The rule's hits on one chain's trace, in a stable order (hits with the same flag key merge in it). */
    List<RuleHit> evaluate(RuleContext context);
}
