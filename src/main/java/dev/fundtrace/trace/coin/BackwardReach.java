package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.Arrays;

/**
 * The backward trace at coin level (utxo.md, "Backward trace"), breadth first, so a coin's first hop is its
 * smallest. Hop 1: the inputs of every transaction that creates a seed coin. Hop h+1: the inputs of the creating
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
        boolean[] taken = new boolean[ledger.txCount()];
        IntBuffer frontier = new IntBuffer();
        for (int t = 0; t < ledger.txCount(); t++) {
            for (int c = ledger.outputStart(t); c < ledger.outputEnd(t); c++) {
                if (roles.isSeed(ledger.holder(c))) {
                    b.takeInputs(ledger, roles, t, 1, taken, frontier);
                    break;
                }
            }
        }
        for (int h = 1; h < maxHops && frontier.size() > 0; h++) {
            IntBuffer next = new IntBuffer();
            for (int k = 0; k < frontier.size(); k++) {
                int c = frontier.get(k);
                if (roles.isService(ledger.holder(c))) continue; // services are reported, not followed
                int t = ledger.creator(c);
                if (t < 0 || ledger.isCoinbase(t) || taken[t]) continue;
                b.takeInputs(ledger, roles, t, h + 1, taken, next);
            }
            frontier = next;
        }
        return b;
    }

    private void takeInputs(CoinLedger ledger, AddressRoles roles, int t, int hop, boolean[] taken, IntBuffer into) {
        taken[t] = true;
        for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
            int c = ledger.inputCoin(i);
            if (coinHop[c] >= 0 || roles.isSeed(ledger.holder(c))) continue;
            coinHop[c] = hop;
            into.add(c);
        }
    }
}
