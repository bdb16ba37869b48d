package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Reach;
import dev.fundtrace.trace.U128;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The forward trace at coin level (utxo.md, "Forward trace"): the poison hops of the transactions come from the
 * shared kernel ({@link TransactionGraph}), then one pass over the ledger's spend order shares out the haircut
 * taint, so every coin's hop and taint are final before a transaction spends it.
 *
 * <p>Taints fit a long: a coin's share {@code floor(TT·v/D)} is at most its value, because TT (the taint of the
 * passing inputs) never exceeds their known values, which D bounds. The product TT·v is formed in 128 bits and
 * divided by D with {@link U128#divlu}; only a transaction whose D reaches 2^64 takes BigInteger.
 */
final class ForwardTaint {

    static final int CLEAN = -1, SEED = 0;

    /** -1 clean, 0 seed coin, 1..maxHops tainted. */
    final int[] coinHop;
    /** Taint of tainted and seed coins (a seed coin's whole known value); 0 otherwise. */
    final long[] coinTaint;
    /** h(T) of each transaction with a passing input, even above maxHops; -1 for the others. */
    final int[] txHop;
    final ExactTotal leftHorizon = new ExactTotal(), returnedToSeeds = new ExactTotal(), toFees = new ExactTotal();

    private final CoinLedger ledger;
    private final AddressRoles roles;

    private ForwardTaint(CoinLedger ledger, AddressRoles roles) {
        this.ledger = ledger;
        this.roles = roles;
        int coins = ledger.coinCount();
        coinHop = new int[coins];
        coinTaint = new long[coins];
        txHop = new int[ledger.txCount()];
        Arrays.fill(coinHop, CLEAN);
        Arrays.fill(txHop, -1);
        // seed coins are seed coins wherever they come from: outputs, enriched coins from before the export
        for (int c = 0; c < coins; c++) {
            if (roles.isSeed(ledger.holder(c))) {
                coinHop[c] = SEED;
                coinTaint[c] = Math.max(0, ledger.value(c)); // an unknown value is a seed coin for reach only
            }
        }
    }

    /** Only the seed coins marked: what a run without the forward direction still knows. */
    static ForwardTaint seedCoinsOnly(CoinLedger ledger, AddressRoles roles) {
        return new ForwardTaint(ledger, roles);
    }

    static ForwardTaint run(CoinLedger ledger, AddressRoles roles, int maxHops, long dustRaw) {
        ForwardTaint f = new ForwardTaint(ledger, roles);
        // the hops come from the kernel both families share, one level past the horizon (what leaves it there)
        Reach reach = TransactionGraph.forward(ledger, roles, maxHops + 1, dustRaw);
        for (int k = 0; k < ledger.txCount(); k++) {
            int t = ledger.spendOrderAt(k);
            if (reach.reached(t)) f.spend(t, reach.hop(t), maxHops, dustRaw);
        }
        return f;
    }

    /** A seed coin, or a tainted coin whose holder is not a labelled service (services keep what they receive). */
    boolean passes(int coin) {
        int h = coinHop[coin];
        return h == SEED || (h > SEED && !roles.isService(ledger.holder(coin)));
    }

    /** Spends transaction t, at hop h (1 + the smallest hop of its passing inputs): its inputs' taint is shared out. */
    private void spend(int t, int h, int maxHops, long dustRaw) {
        int in0 = ledger.inputStart(t), in1 = ledger.inputEnd(t);
        txHop[t] = h;
        long ttHi = 0, ttLo = 0, knownHi = 0, knownLo = 0;
        for (int i = in0; i < in1; i++) {
            int c = ledger.inputCoin(i);
            long v = ledger.value(c);
            if (v >= 0) {
                knownLo += v;
                if (Long.compareUnsigned(knownLo, v) < 0) knownHi++;
            }
            if (passes(c)) {
                ttLo += coinTaint[c];
                if (Long.compareUnsigned(ttLo, coinTaint[c]) < 0) ttHi++;
            }
        }
        if (h > maxHops) { // beyond the horizon: all of TT leaves it, the outputs stay clean
            leftHorizon.add(Unsigned.toBig(ttHi, ttLo));
            return;
        }
        int out0 = ledger.outputStart(t), out1 = ledger.outputEnd(t);
        long outHi = 0, outLo = 0;
        for (int c = out0; c < out1; c++) {
            long v = Math.max(0, ledger.value(c));
            outLo += v;
            if (Long.compareUnsigned(outLo, v) < 0) outHi++;
        }
        boolean inputsBound = Unsigned.compare(knownHi, knownLo, outHi, outLo) >= 0;
        long dHi = inputsBound ? knownHi : outHi, dLo = inputsBound ? knownLo : outLo;
        if (dHi != 0) {
            shareWide(Unsigned.toBig(ttHi, ttLo), Unsigned.toBig(dHi, dLo), out0, out1, h, dustRaw);
            return;
        }
        // D < 2^64, and TT <= D: both unsigned longs
        long shares = 0;
        for (int c = out0; c < out1; c++) {
            long v = Math.max(0, ledger.value(c));
            long share = ttLo == 0 ? 0 : U128.divlu(Math.unsignedMultiplyHigh(ttLo, v), ttLo * v, dLo);
            shares += share;
            settle(c, v, share, h, dustRaw);
        }
        toFees.addUnsigned(ttLo - shares);
    }

    /** The same shares with BigInteger, for a transaction whose D is 2^64 or more. */
    private void shareWide(BigInteger tt, BigInteger d, int out0, int out1, int h, long dustRaw) {
        BigInteger shares = BigInteger.ZERO;
        for (int c = out0; c < out1; c++) {
            long v = Math.max(0, ledger.value(c));
            BigInteger share = tt.multiply(BigInteger.valueOf(v)).divide(d);
            shares = shares.add(share);
            settle(c, v, share.longValueExact(), h, dustRaw);
        }
        toFees.add(tt.subtract(shares));
    }

    /** Where one output's share goes: a seed coin returns it, a dust output sends it past the horizon. */
    private void settle(int c, long v, long share, int h, long dustRaw) {
        if (coinHop[c] == SEED) {
            returnedToSeeds.addUnsigned(share);
        } else if (v < dustRaw) {
            leftHorizon.addUnsigned(share);
        } else {
            coinHop[c] = h;
            coinTaint[c] = share;
        }
    }
}
