package dev.fundtrace.rules;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * STRUCTURING on a UTXO chain (utxo.md, report.md): an address sends at least the job's number of transfers just
 * under its reporting threshold (from 90% of it up to, not including, the threshold) within its window. Checked, as
 * on account chains, on the seeds themselves and on the unlabelled addresses the forward trace reached; a chain
 * whose symbol has no threshold is skipped.
 *
 * <p>A transfer: an address pays every output of each transaction that spends one of its coins; each such output
 * held by another address (not the paying one; addressless outputs do not count) is one transfer of the output's
 * value, timed by its transaction's {@code block_timestamp} (a transaction without a time does not count). A
 * transaction that spends coins of several addresses is a transfer of each of them. Transfers are in
 * {@code (block_number, position, vout)} order; the window is inclusive (last time minus first at most the window).
 */
final class CoinStructuringRule implements CoinFlagRule {

    private static final BigDecimal JUST_UNDER = new BigDecimal("0.9");

    private final Map<String, BigDecimal> thresholdByAsset;
    private final Duration window;
    private final int minTransfers;

    /** @param thresholdByAsset display units, keyed by symbol (the job's structuringThreshold) */
    CoinStructuringRule(Map<String, BigDecimal> thresholdByAsset, Duration window, int minTransfers) {
        this.thresholdByAsset = thresholdByAsset;
        this.window = window;
        this.minTransfers = minTransfers;
    }

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        BigDecimal threshold = RuleThresholds.raw(thresholdByAsset, context.asset(), context.asset(), context.decimals());
        if (threshold == null) return;
        BigInteger limit = threshold.setScale(0, RoundingMode.CEILING).toBigInteger();
        BigInteger floor = threshold.multiply(JUST_UNDER).setScale(0, RoundingMode.CEILING).toBigInteger();
        CoinLedger ledger = context.ledger();
        // each checked address's transfers just under the threshold, as (tx, output) pairs in the ledger's order
        List<List<int[]>> near = new ArrayList<>(ledger.addressCount());
        boolean[] checked = new boolean[ledger.addressCount()];
        for (int v = 0; v < ledger.addressCount(); v++) {
            checked[v] = context.seed(v) || context.forwardHop(v) > 0 && !context.labelled(v);
            near.add(null);
        }
        for (int t = 0; t < ledger.txCount(); t++) {
            if (ledger.time(t) < 0) continue;
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                int v = ledger.holder(ledger.inputCoin(i));
                if (v == CoinLedger.NO_HOLDER || !checked[v] || payer(ledger, t, i, v)) continue;
                for (int o = ledger.outputStart(t); o < ledger.outputEnd(t); o++) {
                    int h = ledger.holder(o);
                    if (h == CoinLedger.NO_HOLDER || h == v) continue;
                    BigInteger y = BigInteger.valueOf(ledger.value(o));
                    if (y.compareTo(floor) < 0 || y.compareTo(limit) >= 0) continue;
                    if (near.get(v) == null) near.set(v, new ArrayList<>());
                    near.get(v).add(new int[] {t, o});
                }
            }
        }
        for (int v = 0; v < ledger.addressCount(); v++) {
            if (near.get(v) == null) continue;
            CoinRuleHit h = structuring(context, v, near.get(v), limit);
            if (h != null) hits.accept(h);
        }
    }

    /** v already spent a coin in t through an input before i: t's transfers are counted once for v. */
    private static boolean payer(CoinLedger ledger, int t, int i, int v) {
        for (int j = ledger.inputStart(t); j < i; j++) if (ledger.holder(ledger.inputCoin(j)) == v) return true;
        return false;
    }

    /** The hit at the first run of enough transfers just under the threshold within the window, or null. */
    private CoinRuleHit structuring(CoinRuleContext context, int v, List<int[]> near, BigInteger limit) {
        CoinLedger ledger = context.ledger();
        long seconds = window.toSeconds();
        for (int s = 0, t = 0; t < near.size(); t++) {
            long tt = ledger.time(near.get(t)[0]);
            while (tt - ledger.time(near.get(s)[0]) > seconds) s++;
            if (t - s + 1 < minTransfers) continue;
            List<String> txids = new ArrayList<>();
            for (int[] transfer : near.subList(s, t + 1)) {
                String txid = ledger.txHash(transfer[0]);
                if (!txids.contains(txid)) txids.add(txid);
            }
            int count = t - s + 1;
            String why = (context.seed(v) ? "the designated address" : "this address") + " sent " + count
                    + " transfers (outputs to other addresses) just under the reporting threshold of "
                    + context.display(limit) + " within " + Durations.inWords(window) + ", in " + txids.size() + " transaction(s)";
            return context.seed(v) ? CoinRuleHit.atSeed(Rule.STRUCTURING, v, txids, why)
                    : CoinRuleHit.alongFlow(Rule.STRUCTURING, v, context.flow(Direction.FORWARD, v), txids, why, null);
        }
        return null;
    }
}
