package dev.fundtrace.rules;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PEEL_CHAIN on a UTXO chain (utxo.md): three or more consecutive tainted peel steps, one LOW flag per chain.
 *
 * <p>A <em>peel step</em> is a tainted transaction ({@link CoinTrace#txTainted}) with
 * <ul>
 *   <li>exactly one input and exactly two outputs, both with a holder;</li>
 *   <li>a smaller output of at most 10% of the output total: {@code 10 * small <= small + large} with
 *       {@code small < large} (two equal outputs are no step), exactly;</li>
 *   <li>the larger output (the change) going to a fresh address: that output is the first coin its holder holds
 *       in the export, by {@code (block_number, position, vout)}. That is the order of the loaded transactions'
 *       outputs, not the spending links: a coin earlier in the same block counts as earlier. Coins from before the
 *       export (an input's enrichment) have no place in that order and do not count.</li>
 * </ul>
 * Steps are consecutive when each spends the previous step's change (its one input is that coin). A coin is spent
 * once, so the steps form simple chains; a chain is a maximal run of steps, flagged when it has three or more, once,
 * at the holder of the first step's change, with the steps' txids in order as evidence. The flag rests on the
 * forward flow to that address (or on none when a seed holds it).
 */
final class CoinPeelChainRule implements CoinFlagRule {

    static final int MIN_STEPS = 3;

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        CoinTrace trace = context.trace();
        CoinLedger ledger = context.ledger();
        int[] firstCoin = firstCoins(ledger);
        int[] change = new int[ledger.txCount()]; // the step's change coin, or -1 when t is no step
        Arrays.fill(change, -1);
        boolean any = false;
        for (int t = 0; t < ledger.txCount(); t++) {
            change[t] = peelChange(trace, ledger, firstCoin, t);
            any |= change[t] >= 0;
        }
        if (!any) return;
        for (int t = 0; t < ledger.txCount(); t++) {
            if (change[t] < 0 || previousStep(ledger, change, t) >= 0) continue; // inside a chain: its first step reports it
            List<Integer> chain = new ArrayList<>();
            for (int s = t; s >= 0; s = nextStep(ledger, change, s)) chain.add(s);
            if (chain.size() >= MIN_STEPS) hits.accept(hit(context, chain, change));
        }
    }

    /** For each address, its first coin among the loaded transactions' outputs (ids are in their order), or -1. */
    private static int[] firstCoins(CoinLedger ledger) {
        int[] first = new int[ledger.addressCount()];
        Arrays.fill(first, -1);
        for (int c = 0; c < ledger.outputCount(); c++) {
            int h = ledger.holder(c);
            if (h != CoinLedger.NO_HOLDER && first[h] < 0) first[h] = c;
        }
        return first;
    }

    /** t's change coin when t is a peel step, otherwise -1. */
    static int peelChange(CoinTrace trace, CoinLedger ledger, int[] firstCoin, int t) {
        if (ledger.inputEnd(t) - ledger.inputStart(t) != 1 || ledger.outputEnd(t) - ledger.outputStart(t) != 2) return -1;
        if (!trace.txTainted(t)) return -1;
        int a = ledger.outputStart(t), b = a + 1;
        if (ledger.holder(a) == CoinLedger.NO_HOLDER || ledger.holder(b) == CoinLedger.NO_HOLDER) return -1;
        long va = ledger.value(a), vb = ledger.value(b);
        if (va == vb) return -1;
        int large = va > vb ? a : b;
        long small = Math.min(va, vb), big = Math.max(va, vb);
        // 10 * small <= small + large  <=>  9 * small <= large, exactly
        if (BigInteger.valueOf(small).multiply(BigInteger.valueOf(9)).compareTo(BigInteger.valueOf(big)) > 0) return -1;
        return firstCoin[ledger.holder(large)] == large ? large : -1;
    }

    /** The step whose change t's one input spends, or -1. */
    private static int previousStep(CoinLedger ledger, int[] change, int t) {
        int parent = ledger.creator(ledger.inputCoin(ledger.inputStart(t)));
        return parent >= 0 && change[parent] == ledger.inputCoin(ledger.inputStart(t)) ? parent : -1;
    }

    /** The step that spends s's change, or -1. */
    private static int nextStep(CoinLedger ledger, int[] change, int s) {
        int spender = ledger.spender(change[s]);
        if (spender < 0) return -1;
        int next = ledger.inputTx(spender);
        return change[next] >= 0 ? next : -1;
    }

    private static CoinRuleHit hit(CoinRuleContext context, List<Integer> chain, int[] change) {
        CoinLedger ledger = context.ledger();
        List<String> evidence = new ArrayList<>();
        long peeled = 0;
        for (int s : chain) {
            evidence.add(ledger.txHash(s));
            int c = change[s], other = c == ledger.outputStart(s) ? c + 1 : c - 1;
            peeled += ledger.value(other);
        }
        int address = ledger.holder(change[chain.get(0)]);
        int lastChange = change[chain.get(chain.size() - 1)];
        String why = "received the change of the first of " + chain.size() + " consecutive peel steps: each spent one coin,"
                + " paid at most 10% of its outputs to one address and the rest to a fresh address (" + context.display(peeled)
                + " peeled off in all); " + context.display(ledger.value(lastChange)) + " went on to "
                + context.address(ledger.holder(lastChange));
        return context.seed(address) ? CoinRuleHit.atSeed(Rule.PEEL_CHAIN, address, evidence, why)
                : new CoinRuleHit(Rule.PEEL_CHAIN, address, Direction.FORWARD, evidence, why);
    }
}
