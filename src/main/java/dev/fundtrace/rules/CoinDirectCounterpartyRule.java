package dev.fundtrace.rules;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DIRECT_COUNTERPARTY on a UTXO chain (utxo.md): an address at forward hop 1 (it holds a coin a transaction
 * spending a seed coin created) or backward hop 1 (it held a coin spent by a transaction that paid a seed),
 * labelled or not. One flag per (address, seed), covering every such coin between the two in both directions:
 * their known values add up to its amount and their transactions are its evidence.
 */
final class CoinDirectCounterpartyRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        CoinTrace trace = context.trace();
        CoinLedger ledger = context.ledger();
        // one pass over the coins: (address, seed) -> the coins between them, per direction
        Map<Long, DirectCoins> received = new LinkedHashMap<>(), spent = new LinkedHashMap<>();
        for (int c = 0; c < ledger.outputCount(); c++) {
            int v = ledger.holder(c);
            if (v < 0 || context.seed(v) || trace.coinHop(c) != 1 || context.forwardHop(v) != 1) continue;
            int t = ledger.creator(c);
            for (int seed : seedsAmongInputs(context, t)) into(received, v, seed).add(ledger.value(c), ledger.txHash(t));
        }
        for (int c = 0; c < ledger.coinCount(); c++) {
            int v = ledger.holder(c);
            if (v < 0 || context.seed(v) || trace.backwardCoinHop(c) != 1 || context.backwardHop(v) != 1) continue;
            int input = ledger.spender(c);
            if (input < 0) continue;
            int t = ledger.inputTx(input);
            for (int seed : seedsAmongOutputs(context, t)) into(spent, v, seed).add(ledger.value(c), ledger.txHash(t));
        }
        received.forEach((k, coins) -> hits.accept(hit(context, k, Direction.FORWARD, coins,
                "received " + coins.describe(context) + " directly from designated address ")));
        spent.forEach((k, coins) -> hits.accept(hit(context, k, Direction.BACKWARD, coins,
                "spent " + coins.describe(context) + " in transactions that paid designated address ")));
    }

    private static CoinRuleHit hit(CoinRuleContext context, long key, Direction d, DirectCoins coins, String reason) {
        int v = (int) (key >>> 32);
        String seed = context.address((int) key);
        context.flow(d, v); // the flag rests on the address's flow in that direction
        return new CoinRuleHit(Rule.DIRECT_COUNTERPARTY, v, d, List.copyOf(coins.txids), reason + seed, null, seed,
                coins.total);
    }

    private static DirectCoins into(Map<Long, DirectCoins> map, int address, int seed) {
        return map.computeIfAbsent(((long) address << 32) | (seed & 0xffffffffL), k -> new DirectCoins());
    }

    private static Set<Integer> seedsAmongInputs(CoinRuleContext context, int t) {
        CoinLedger ledger = context.ledger();
        Set<Integer> seeds = new LinkedHashSet<>();
        for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
            int holder = ledger.holder(ledger.inputCoin(i));
            if (holder >= 0 && context.seed(holder)) seeds.add(holder);
        }
        return seeds;
    }

    private static Set<Integer> seedsAmongOutputs(CoinRuleContext context, int t) {
        CoinLedger ledger = context.ledger();
        Set<Integer> seeds = new LinkedHashSet<>();
        for (int c = ledger.outputStart(t); c < ledger.outputEnd(t); c++) {
            int holder = ledger.holder(c);
            if (holder >= 0 && context.seed(holder)) seeds.add(holder);
        }
        return seeds;
    }

    /** The coins between one address and one seed in one direction: how many, their known value, their txids. */
    private static final class DirectCoins {
        private int count;
        private BigInteger total = BigInteger.ZERO;
        private final Set<String> txids = new LinkedHashSet<>();

        void add(long value, String txid) {
            count++;
            if (value > 0) total = total.add(BigInteger.valueOf(value));
            txids.add(txid);
        }

        String describe(CoinRuleContext context) {
            return (count == 1 ? "a coin of " : count + " coins totalling ") + context.display(total);
        }
    }
}
