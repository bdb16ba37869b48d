package dev.fundtrace.rules;

import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;

import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.RuleContext.backwardHop;
import static dev.fundtrace.rules.RuleContext.forwardHop;

/**
 * DIRECT_COUNTERPARTY (report.md): an address that received from or sent to a designated address, hop 1 in
 * either direction. One flag per (address, seed): its amount, sentence and evidence cover every direct transfer
 * between the two (three payments of one seed are one flag of their sum, citing all three), in both directions.
 */
final class DirectCounterpartyRule implements FlagRule {

    @Override
    public void evaluate(RuleContext context, Consumer<RuleHit> hits) {
        for (AssetTrace a : context.trace().assets()) {
            for (int address = 0; address < a.graph().addressCount(); address++) {
                int v = address;
                if (a.seed()[v]) continue;
                if (forwardHop(a, v) == 1) {
                    Flow f = context.flow(a, Direction.FORWARD, v);
                    direct(context, a, v, true).forEach((seed, t) -> hits.accept(hit(context, a, v, f, seed, t,
                            "received " + t.describe(a) + " directly from designated address " + seed)));
                }
                if (backwardHop(a, v) == 1) {
                    Flow f = context.flow(a, Direction.BACKWARD, v);
                    direct(context, a, v, false).forEach((seed, t) -> hits.accept(hit(context, a, v, f, seed, t,
                            "sent " + t.describe(a) + " directly to designated address " + seed)));
                }
            }
        }
    }

    private static RuleHit hit(RuleContext context, AssetTrace a, int v, Flow f, String seed, DirectTransfers t,
                               String explanation) {
        return new RuleHit(Rule.DIRECT_COUNTERPARTY, a, v, f.direction(), t.txHashes(), explanation, null, seed,
                t.total());
    }

    /** The value-moving transfers between v and each seed, into v ({@code received}) or out of it, in time order. */
    private static Map<String, DirectTransfers> direct(RuleContext context, AssetTrace a, int v, boolean received) {
        AssetGraph g = a.graph();
        LedgerView ledger = context.ledger();
        Map<String, DirectTransfers> bySeed = new LinkedHashMap<>();
        int begin = received ? g.inBegin(v) : g.outBegin(v), end = received ? g.inEnd(v) : g.outEnd(v);
        for (int i = begin; i < end; i++) {
            int e = received ? g.inEdgeAt(i) : g.outEdgeAt(i);
            int other = received ? g.src(e) : g.dst(e);
            int row = g.ledgerRow(e);
            if (!a.seed()[other] || !ledger.movesValue(row)) continue;
            bySeed.computeIfAbsent(context.trace().address(a, other), k -> new DirectTransfers()).add(row, ledger);
        }
        return bySeed;
    }

    /** Direct transfers between one address and one seed: their sum and their transaction hashes. */
    private static final class DirectTransfers {
        private final List<Integer> rows = new ArrayList<>();
        private final List<String> txHashes = new ArrayList<>();
        private BigInteger total = BigInteger.ZERO;

        void add(int row, LedgerView ledger) {
            rows.add(row);
            total = total.add(ledger.amount(row));
            String hash = ledger.txHash(row);
            if (!txHashes.contains(hash)) txHashes.add(hash);
        }

        BigInteger total() { return total; }

        List<String> txHashes() {
            return txHashes;
        }

        String describe(AssetTrace a) {
            int n = rows.size();
            return Amounts.display(a, total) + (n == 1 ? "" : " in " + n + " transfers");
        }
    }
}
