package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shorthands for the coin trace tests. */
final class Tracing {

    private Tracing() {}

    static CoinTraceParameters params(int maxHops, long dust) {
        return new CoinTraceParameters(true, true, maxHops, dust, false, false);
    }

    static CoinTrace trace(TestLedger l, List<String> seeds, List<String> services, CoinTraceParameters p) {
        return new CoinTracer().trace(l.build(), seeds, services, p);
    }

    static CoinTrace trace(TestLedger l, String seed) {
        return trace(l, List.of(seed), List.of(), CoinTraceParameters.defaults());
    }

    /**
     * Every tainted unit ends in one place: the spent seed coins' taint equals the taint of the tainted coins not
     * passed on (unspent, or kept by a service) plus what returned to seeds, went to fees or left the horizon.
     */
    static void assertConserved(CoinTrace t) {
        CoinLedger l = t.ledger();
        BigInteger spentSeedTaint = BigInteger.ZERO, kept = BigInteger.ZERO;
        for (int c = 0; c < l.coinCount(); c++) {
            boolean spent = l.spender(c) >= 0;
            if (t.coinHop(c) == 0 && spent) spentSeedTaint = spentSeedTaint.add(t.coinTaint(c));
            if (t.coinHop(c) >= 1 && !(spent && t.passes(l.spender(c)))) kept = kept.add(t.coinTaint(c));
        }
        assertEquals(spentSeedTaint, kept.add(t.returnedToSeeds()).add(t.toFees()).add(t.leftHorizon()),
                "tainted units conserved");
    }

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
