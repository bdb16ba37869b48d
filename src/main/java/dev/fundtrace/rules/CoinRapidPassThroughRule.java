package dev.fundtrace.rules;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;

/**
 * RAPID_PASS_THROUGH on a UTXO chain (utxo.md): a tainted coin (hop 1 or more) held by an unlabelled address is
 * spent within the job's window, and the spending transaction pays at least 90% of the coin's value to holders
 * other than the coin's holder.
 * <ul>
 *   <li>within the window: the spending transaction's {@code block_timestamp} minus the creating transaction's is at
 *       most the window (a transaction without a time never qualifies);</li>
 *   <li>90%: {@code 10 * x >= 9 * v}, exactly, where {@code v} is the coin's value and {@code x} the sum of the
 *       spending transaction's outputs whose holder differs from the coin's holder; addressless outputs do not count.
 *       Coins the transaction spends besides this one do not change the comparison.</li>
 * </ul>
 * One flag per address, at its first coin that qualifies by {@code (block_number, position, vout)}; the evidence
 * is the forward flow's path, then the coin's creating and spending transactions.
 */
final class CoinRapidPassThroughRule implements CoinFlagRule {

    private static final BigInteger NINE = BigInteger.valueOf(9);

    private final Duration window;

    CoinRapidPassThroughRule(Duration window) {
        this.window = window;
    }

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        CoinTrace trace = context.trace();
        CoinLedger ledger = context.ledger();
        boolean[] done = new boolean[ledger.addressCount()];
        for (int c = 0; c < ledger.outputCount(); c++) { // tainted coins are outputs of loaded transactions
            int v = ledger.holder(c);
            if (v == CoinLedger.NO_HOLDER || done[v] || trace.coinHop(c) < 1) continue;
            if (context.seed(v) || context.labelled(v)) continue;
            int spending = ledger.spender(c) < 0 ? -1 : ledger.inputTx(ledger.spender(c));
            if (spending < 0 || !passedOnInTime(ledger, c, v, spending)) continue;
            done[v] = true;
            hits.accept(hit(context, c, v, spending));
        }
    }

    /** Coin c of v was spent by {@code spending} within the window, paying 90% of its value to other holders. */
    private boolean passedOnInTime(CoinLedger ledger, int c, int v, int spending) {
        long created = ledger.time(ledger.creator(c)), spent = ledger.time(spending);
        if (created < 0 || spent < 0 || spent - created > window.toSeconds()) return false;
        return nineTenths(passedOn(ledger, v, spending), ledger.value(c));
    }

    /** The total of {@code tx}'s outputs held by an address other than v (addressless outputs do not count). */
    static BigInteger passedOn(CoinLedger ledger, int v, int tx) {
        BigInteger x = BigInteger.ZERO;
        for (int o = ledger.outputStart(tx); o < ledger.outputEnd(tx); o++) {
            int h = ledger.holder(o);
            if (h != CoinLedger.NO_HOLDER && h != v) x = x.add(BigInteger.valueOf(ledger.value(o)));
        }
        return x;
    }

    /** {@code 10 x >= 9 v}, exactly. */
    static boolean nineTenths(BigInteger x, long v) {
        return x.multiply(BigInteger.TEN).compareTo(BigInteger.valueOf(v).multiply(NINE)) >= 0;
    }

    private CoinRuleHit hit(CoinRuleContext context, int c, int v, int spending) {
        CoinLedger ledger = context.ledger();
        int creating = ledger.creator(c);
        BigInteger out = passedOn(ledger, v, spending);
        long seconds = ledger.time(spending) - ledger.time(creating);
        return CoinRuleHit.alongFlow(Rule.RAPID_PASS_THROUGH, v, context.flow(Direction.FORWARD, v),
                List.of(ledger.txHash(creating), ledger.txHash(spending)),
                "spent a tainted coin of " + context.display(ledger.value(c)) + " (" + ledger.outpoint(c) + ") "
                        + Duration.ofSeconds(seconds) + " after receiving it, paying " + context.display(out)
                        + " to other addresses (within " + Durations.inWords(window) + ")", null);
    }
}
