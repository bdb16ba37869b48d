package dev.fundtrace.rules;

import dev.fundtrace.trace.Direction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * INDIRECT_EXPOSURE on a UTXO chain (utxo.md): an unlabelled address at forward hop 2 or more whose tainted amount
 * (the haircut taint of its tainted coins, {@code taintedAmountRaw}) is above 0 and at least the job's minimum for
 * the chain's symbol. Hop 1 is DIRECT_COUNTERPARTY's; a chain without a minimum is skipped.
 */
final class CoinIndirectExposureRule implements CoinFlagRule {

    private final Map<String, BigDecimal> minimumByAsset;

    /** @param minimumByAsset display units, keyed by symbol (the job's indirectExposureMin) */
    CoinIndirectExposureRule(Map<String, BigDecimal> minimumByAsset) {
        this.minimumByAsset = minimumByAsset;
    }

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        // amounts are integers: x >= threshold <=> x >= ceil(threshold)
        BigInteger minimum = RuleThresholds.rawAtLeast(minimumByAsset, context.asset(), context.asset(), context.decimals());
        if (minimum == null) return;
        for (int v = 0; v < context.ledger().addressCount(); v++) {
            int hops = context.forwardHop(v);
            if (context.seed(v) || hops < 2 || context.labelled(v)) continue;
            BigInteger received = context.trace().forwardAmount(v);
            if (received.signum() <= 0 || received.compareTo(minimum) < 0) continue;
            hits.accept(CoinRuleHit.alongFlow(Rule.INDIRECT_EXPOSURE, v, context.flow(Direction.FORWARD, v),
                    "received about " + context.display(received) + " of designated funds (haircut) " + hops + " hops away"));
        }
    }
}
