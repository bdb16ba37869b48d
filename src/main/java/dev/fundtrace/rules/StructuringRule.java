package dev.fundtrace.rules;

import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * STRUCTURING (report.md): an address sends at least the job's number of transfers just under its reporting
 * threshold (from 90% of it up to, not including, the threshold) within its window. Checked on the seeds
 * themselves and on the unlabelled tainted addresses; an asset without a threshold is skipped.
 */
final class StructuringRule implements FlagRule {

    private static final BigDecimal JUST_UNDER = new BigDecimal("0.9");

    private final Map<String, BigDecimal> thresholdByAsset;
    private final Duration window;
    private final int minTransfers;

    /** @param thresholdByAsset display units, keyed by symbol or token address (the job's structuringThreshold) */
    StructuringRule(Map<String, BigDecimal> thresholdByAsset, Duration window, int minTransfers) {
        this.thresholdByAsset = thresholdByAsset;
        this.window = window;
        this.minTransfers = minTransfers;
    }

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            BigDecimal threshold = RuleThresholds.raw(thresholdByAsset, a.asset(), a.symbol(), a.decimals());
            if (threshold == null) continue;
            for (int v = 0; v < a.graph().addressCount(); v++) {
                if (!a.seed()[v] && (forwardHop(a, v) == 0 || context.labelled(a, v))) continue;
                RuleHit h = structuring(context, a, v, threshold);
                if (h != null) hits.accept(h);
            }
        }
    }

    /** The hit at the first run of enough sends just under the threshold within the window, or null. */
    private RuleHit structuring(RuleContext context, AssetTrace a, int v, BigDecimal thresholdRaw) {
        AssetGraph g = a.graph();
        LedgerView ledger = context.ledger();
        BigInteger limit = thresholdRaw.setScale(0, RoundingMode.CEILING).toBigInteger();
        BigInteger floor = thresholdRaw.multiply(JUST_UNDER).setScale(0, RoundingMode.CEILING).toBigInteger();
        List<Integer> near = new ArrayList<>(); // v's sends just under the threshold, in the asset's order
        for (int i = g.outBegin(v); i < g.outEnd(v); i++) {
            int row = g.ledgerRow(g.outEdgeAt(i));
            BigInteger y = ledger.amount(row);
            if (y.compareTo(floor) >= 0 && y.compareTo(limit) < 0 && ledger.time(row) >= 0) near.add(row);
        }
        long seconds = window.toSeconds();
        for (int s = 0, t = 0; t < near.size(); t++) {
            long tt = ledger.time(near.get(t));
            while (tt - ledger.time(near.get(s)) > seconds) s++;
            if (t - s + 1 < minTransfers) continue;
            List<String> sends = near.subList(s, t + 1).stream().map(ledger::txHash).toList();
            String why = (a.seed()[v] ? "the designated address" : "this address") + " sent " + sends.size()
                    + " transfers just under the reporting threshold of " + Amounts.display(a, limit) + " within " + Durations.inWords(window);
            return a.seed()[v] ? RuleHit.atSeed(Rule.STRUCTURING, a, v, sends, why)
                    : RuleHit.alongFlow(Rule.STRUCTURING, a, v, context.flow(a, Direction.FORWARD, v), sends, why, null);
        }
        return null;
    }
}
