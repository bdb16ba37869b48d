package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Reach;

import java.util.Arrays;

/**
 * The backward trace at coin level (utxo.md, "Backward trace"), by the kernel both families share
 * ({@link TransactionGraph}), so a coin's hop is its smallest. Hop 1: the inputs of every transaction that creates a seed coin. Hop h+1: the inputs of the creating
 * transaction of a hop-h coin ({@code h < maxHops}) that no service holds and that is loaded and not a coinbase.
 * A coin a seed holds never gets a hop. Each transaction's inputs are taken once, at its smallest level.
 */
final class BackwardReach {

    /** -1 not reached, else 1..maxHops. */
    final int[] coinHop;

    private BackwardReach(int coins) {
        coinHop = new int[coins];
        Arrays.fill(coinHop, -1);
    }

    static BackwardReach none(CoinLedger ledger) {
        return new BackwardReach(ledger.coinCount());
    }

    static BackwardReach run(CoinLedger ledger, AddressRoles roles, int maxHops) {
        BackwardReach b = new BackwardReach(ledger.coinCount());
        if (maxHops < 1) return b;
        Reach reach = TransactionGraph.backward(ledger, roles, maxHops);
        for (int t = 0; t < ledger.txCount(); t++) {
            if (!reach.reached(t)) continue;
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                int c = ledger.inputCoin(i);
                if (!roles.isSeed(ledger.holder(c))) b.coinHop[c] = reach.hop(t);
            }
        }
        return b;
    }
}
