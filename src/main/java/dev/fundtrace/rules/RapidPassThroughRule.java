package dev.fundtrace.rules;

import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;

import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * RAPID_PASS_THROUGH (report.md): an unlabelled, tainted address sends on at least 90% of a tainted inflow
 * within the job's window. The sends counted are those after the inflow (in the asset's order) up to the
 * inflow's time plus the window, summed; one flag per address, at the first inflow that qualifies.
 */
final class RapidPassThroughRule implements FlagRule {

    private final Duration window;

    RapidPassThroughRule(Duration window) {
        this.window = window;
    }

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int v = 0; v < a.graph().addressCount(); v++) {
                if (a.seed()[v] || forwardHop(a, v) == 0 || context.labelled(a, v)) continue;
                RuleHit h = passThrough(context, a, v);
                if (h != null) hits.accept(h);
            }
        }
    }

    /** The hit at v's first tainted inflow that is passed on quickly enough, or null. */
    private RuleHit passThrough(RuleContext context, AssetTrace a, int v) {
        AssetGraph g = a.graph();
        for (int i = g.inBegin(v); i < g.inEnd(v); i++) {
            int in = g.inEdgeAt(i);
            if (!a.taint().carries(in)) continue;
            RuleHit h = passedOn(context, a, v, in);
            if (h != null) return h;
        }
        return null;
    }

    /** The hit when v's sends after the inflow {@code in} reach 90% of it within the window, or null. */
    private RuleHit passedOn(RuleContext context, AssetTrace a, int v, int in) {
        AssetGraph g = a.graph();
        LedgerView ledger = context.ledger();
        int inRow = g.ledgerRow(in);
        long t0 = ledger.time(inRow);
        if (t0 < 0) return null;
        long end = t0 + window.toSeconds();
        // amounts that fit a long are summed and compared as longs (the common case, and the inner loop
        // of the rules); the first one that does not, or a sum that would overflow, switches to BigInteger
        long inSmall = ledger.isSmall(inRow) ? ledger.smallAmount(inRow) : -1, outSmall = 0;
        BigInteger inflow = null, out = null;
        int first = g.firstOutAfter(v, in);
        for (int j = first; j < g.outEnd(v); j++) {
            int row = g.ledgerRow(g.outEdgeAt(j));
            long t = ledger.time(row);
            if (t < 0 || t > end) return null;
            boolean passed;
            if (out == null && inSmall >= 0 && ledger.isSmall(row) && outSmall <= Long.MAX_VALUE - ledger.smallAmount(row)) {
                outSmall += ledger.smallAmount(row);
                passed = atLeastNineTenths(outSmall, inSmall);
            } else {
                if (out == null) {
                    out = BigInteger.valueOf(outSmall);
                    inflow = ledger.amount(inRow);
                }
                out = out.add(ledger.amount(row));
                passed = out.multiply(BigInteger.TEN).compareTo(inflow.multiply(BigInteger.valueOf(9))) >= 0;
            }
            if (!passed) continue;
            if (out == null) {
                out = BigInteger.valueOf(outSmall);
                inflow = BigInteger.valueOf(inSmall);
            }
            List<String> inflowAndSends = new ArrayList<>(List.of(ledger.txHash(inRow)));
            for (int k = first; k <= j; k++) inflowAndSends.add(ledger.txHash(g.ledgerRow(g.outEdgeAt(k))));
            return RuleHit.alongFlow(Rule.RAPID_PASS_THROUGH, a, v, context.flow(a, Direction.FORWARD, v), inflowAndSends,
                    "passed on " + Amounts.display(a, out) + " of a tainted inflow of " + Amounts.display(a, inflow)
                            + " within " + Durations.inWords(window), null);
        }
        return null;
    }

    /** {@code out >= 0.9 * in}, exactly, for non-negative longs: {@code 10 out >= 9 in} in 128 bits. */
    static boolean atLeastNineTenths(long out, long in) {
        long hiOut = Math.multiplyHigh(out, 10), hiIn = Math.multiplyHigh(in, 9);
        return hiOut != hiIn ? hiOut > hiIn : Long.compareUnsigned(out * 10, in * 9) >= 0;
    }
}
