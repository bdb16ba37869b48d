package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The representative chains of coins behind flows and exposures' seeds, each in the order the money moved (the
 * seed's coin first).
 *
 * <p>Forward (utxo.md, "Flow path"): from the address's evidence coin back one transaction per hop, each time
 * through the passing input with the smallest hop; ties go to the earliest coin, where coins from before the export
 * come before loaded ones and among themselves by input index, and loaded coins by (block, position, vout). It
 * stops at a seed coin. Each step's hop is one less, so it stops within the coin's hop count.
 *
 * <p>Backward (utxo.md leaves it open; this is our choice): from the funding source's evidence coin forward
 * through the transaction that spent it, each time to one of that transaction's outputs: a seed coin when it
 * created one (the earliest vout), which ends the path; otherwise, among the outputs that carried the backward
 * trace (not held by a service), the one with the smallest backward hop, then the earliest vout. The spending
 * transaction took the coin's inputs at the level of such an output, so each step's hop is one less.
 */
final class CoinPaths {

    private final CoinLedger ledger;
    private final AddressRoles roles;
    private final ForwardTaint forward;
    private final BackwardReach backward;

    CoinPaths(CoinLedger ledger, AddressRoles roles, ForwardTaint forward, BackwardReach backward) {
        this.ledger = ledger;
        this.roles = roles;
        this.forward = forward;
        this.backward = backward;
    }

    /** From a seed coin to {@code coin}, a tainted coin. */
    List<CoinStep> forward(int coin) {
        List<CoinStep> steps = new ArrayList<>();
        int c = coin;
        while (forward.coinHop[c] > ForwardTaint.SEED) {
            int t = ledger.creator(c);
            int spent = ledger.inputCoin(smallestPassingInput(t));
            steps.add(new CoinStep(t, spent, c));
            c = spent;
        }
        Collections.reverse(steps);
        return steps;
    }

    private int smallestPassingInput(int t) {
        int best = -1;
        for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
            int c = ledger.inputCoin(i);
            if (!forward.passes(c)) continue;
            if (best < 0 || earlierForward(c, ledger.inputCoin(best))) best = i; // inputs ascend: equal keys keep the first
        }
        if (best < 0) throw new IllegalStateException("tainted coin without a passing input in " + ledger.txHash(t));
        return best;
    }

    private boolean earlierForward(int c, int than) {
        int h = forward.coinHop[c], hThan = forward.coinHop[than];
        if (h != hThan) return h < hThan;
        boolean loaded = c < ledger.outputCount(), thanLoaded = than < ledger.outputCount();
        if (loaded != thanLoaded) return !loaded; // from before the export: earlier than every loaded coin
        return loaded && c < than; // external coins: input order, which the caller's scan keeps
    }

    /** From the funding source's {@code coin} (in the backward set) to a seed coin. */
    List<CoinStep> backward(int coin) {
        List<CoinStep> steps = new ArrayList<>();
        int c = coin;
        while (!roles.isSeed(ledger.holder(c))) {
            int t = ledger.inputTx(ledger.spender(c));
            int next = towardSeed(t);
            steps.add(new CoinStep(t, c, next));
            c = next;
        }
        return steps;
    }

    private int towardSeed(int t) {
        int best = -1;
        for (int c = ledger.outputStart(t); c < ledger.outputEnd(t); c++) {
            if (roles.isSeed(ledger.holder(c))) return c;
            int h = backward.coinHop[c];
            if (h < 1 || roles.isService(ledger.holder(c))) continue;
            if (best < 0 || h < backward.coinHop[best]) best = c;
        }
        if (best < 0) throw new IllegalStateException("no output leads toward a seed in " + ledger.txHash(t));
        return best;
    }

    /** The seed whose coin starts the forward chain to {@code coin}. */
    int forwardSeed(int coin) {
        int c = coin;
        while (forward.coinHop[c] > ForwardTaint.SEED) c = ledger.inputCoin(smallestPassingInput(ledger.creator(c)));
        return ledger.holder(c);
    }

    /** The seed whose coin ends the backward chain from {@code coin}. */
    int backwardSeed(int coin) {
        int c = coin;
        while (!roles.isSeed(ledger.holder(c))) c = towardSeed(ledger.inputTx(ledger.spender(c)));
        return ledger.holder(c);
    }
}
