package dev.fundtrace.trace;

import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.Transfer;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static dev.fundtrace.trace.LedgerFixture.ETH;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The haircut kernel ({@link HaircutTaint}) on planted ledgers whose amounts sit on the edges of its arithmetic
 * (2^63, 2^64, 2^127, 2^128, uint256), against the rule of tracing.md written out with BigInteger: every
 * transfer's t, every address's received taint, the taint that left the horizon and the part back to seeds,
 * equal to the unit. The ledgers are made so that balances often end exactly at zero and transfers often
 * move more than the known balance.
 */
class HaircutTaintTest {

    private static final BigInteger TWO = BigInteger.TWO;
    private static final int[] EDGE_BITS = {62, 63, 64, 65, 100, 126, 127, 128, 129, 200, 255};

    private final Map<String, Integer> cases = new TreeMap<>();

    @Test
    void kernelMatchesTheBigIntegerRuleOnLedgersAtTheEdgesOfItsArithmetic() {
        for (int i = 0; i < 300; i++) {
            long seed = 0x4a1c_0000L + i;
            SplittableRandom rnd = new SplittableRandom(seed);
            LedgerFixture f = planted(rnd);
            try {
                check(f);
            } catch (AssertionError e) {
                throw new AssertionError("ledger seed " + Long.toHexString(seed) + ": " + e.getMessage(), e);
            }
        }
        System.out.println("haircut kernel cases: " + cases);
        assertThat(cases.get("B in [2^64, 2^127)")).isGreaterThan(500);
        assertThat(cases.get("B >= 2^127")).isGreaterThan(200);
        assertThat(cases.get("B < 2^64, product > 2^64")).isGreaterThan(200);
        assertThat(cases.get("y >= B > 0")).isGreaterThan(500);
        assertThat(cases.get("B exactly 0 after a spend")).isGreaterThan(300);
        assertThat(cases.get("0 < t < T")).isGreaterThan(1000);
    }

    /** A few addresses in chains from two seeds, a service, and amounts near powers of two or equal to balances. */
    private static LedgerFixture planted(SplittableRandom rnd) {
        LedgerFixture f = new LedgerFixture().seeds("S1", "S2").services("X").maxHops(1 + rnd.nextInt(4));
        String[] names = {"A", "B", "C", "D", "E", "F", "X", "S1", "S2"};
        Map<String, BigInteger> known = new HashMap<>(); // B so far, to plant "spend it all" and "more than B"
        int m = 20 + rnd.nextInt(60);
        int bits = EDGE_BITS[rnd.nextInt(EDGE_BITS.length)]; // one scale per ledger, so balances mix
        for (int k = 0; k < m; k++) {
            String from = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? "S1" : "S2") : names[rnd.nextInt(7)];
            String to = names[rnd.nextInt(rnd.nextInt(10) == 0 ? names.length : 6)];
            if (to.equals(from)) to = "F";
            BigInteger y = switch (rnd.nextInt(6)) {
                case 0 -> known.getOrDefault(from, BigInteger.ONE).max(BigInteger.ONE);        // exactly the balance
                case 1 -> known.getOrDefault(from, BigInteger.ONE).add(BigInteger.valueOf(rnd.nextInt(3) + 1)); // more
                case 2 -> new BigInteger(bits, new java.util.Random(rnd.nextLong())).add(BigInteger.ONE);
                case 3 -> TWO.pow(EDGE_BITS[rnd.nextInt(EDGE_BITS.length)]).add(BigInteger.valueOf(rnd.nextInt(5) - 2));
                case 4 -> BigInteger.valueOf(1 + rnd.nextInt(1000));
                default -> TWO.pow(bits).subtract(BigInteger.valueOf(rnd.nextInt(1000)));
            };
            y = y.min(LedgerFixture.UINT256_MAX).max(BigInteger.ONE);
            f.tx(1 + k / 3, k % 3, from, to, y);
            // the rule's B of every address, whether reached or not: max(0, B - y) for the sender, B + y for the receiver
            known.put(from, known.getOrDefault(from, BigInteger.ZERO).subtract(y).max(BigInteger.ZERO));
            known.merge(to, y, BigInteger::add);
        }
        return f;
    }

    private void check(LedgerFixture f) {
        var r = f.trace();
        AssetTrace a = r.asset(ETH);
        if (a == null) return;
        ChainTrace trace = r.chainTrace();
        AssetGraph g = a.graph();
        // the rule over the transfers in order, with the trace's reach (reach has tests of its own)
        List<Transfer> ordered = new ArrayList<>(f.transfers());
        ordered.sort((x, y) -> Long.compare(OrderKey.of(x.blockNumber(), x.position(), x.subPosition()),
                OrderKey.of(y.blockNumber(), y.position(), y.subPosition())));
        String s1 = addr("S1"), s2 = addr("S2"), service = addr("X");
        Map<String, BigInteger> bal = new HashMap<>(), taint = new HashMap<>(), received = new HashMap<>();
        Map<Long, BigInteger> carried = new HashMap<>();
        BigInteger left = BigInteger.ZERO, toSeeds = BigInteger.ZERO;
        for (Transfer e : ordered) {
            String u = e.from(), v = e.to();
            BigInteger y = e.amount(), t;
            if (u.equals(s1) || u.equals(s2)) {
                t = y;
            } else {
                BigInteger b = bal.getOrDefault(u, BigInteger.ZERO), tu = taint.getOrDefault(u, BigInteger.ZERO);
                if (u.equals(service) || b.signum() <= 0) {
                    t = BigInteger.ZERO;
                } else {
                    t = tu.min(y.multiply(tu).divide(b));
                    count(b, tu, y, t);
                }
                BigInteger rest = b.subtract(y).max(BigInteger.ZERO);
                if (b.signum() > 0 && rest.signum() == 0 && tu.signum() > 0) cases.merge("B exactly 0 after a spend", 1, Integer::sum);
                bal.put(u, rest);
                taint.put(u, tu.subtract(t));
            }
            bal.merge(v, y, BigInteger::add);
            int local = trace.local(a, v);
            boolean reached = local >= 0 && a.forward().hop(local) > 0;
            if (!v.equals(s1) && !v.equals(s2) && reached) {
                taint.merge(v, t, BigInteger::add);
                received.merge(v, t, BigInteger::add);
            } else {
                left = left.add(t);
                if (v.equals(s1) || v.equals(s2)) toSeeds = toSeeds.add(t);
            }
            carried.put(OrderKey.of(e.blockNumber(), e.position(), e.subPosition()), t);
        }
        for (int v = 0; v < g.n; v++) {
            String x = trace.address(a, v);
            assertThat(a.taint().received(v)).as("received by %s", f.name(x)).isEqualTo(received.getOrDefault(x, BigInteger.ZERO));
            assertThat(a.taint().hasReceived(v)).isEqualTo(received.getOrDefault(x, BigInteger.ZERO).signum() > 0);
        }
        for (int e = 0; e < g.m; e++) {
            BigInteger want = carried.get(trace.ledger().key(g.ledgerRow(e)));
            assertThat(a.taint().carried(e)).as("t of edge %d", e).isEqualTo(want);
            assertThat(a.taint().carries(e)).isEqualTo(want.signum() > 0);
        }
        assertThat(a.taint().leftHorizon()).as("left the horizon").isEqualTo(left);
        assertThat(a.taint().returnedToSeeds()).as("returned to seeds").isEqualTo(toSeeds);
    }

    private void count(BigInteger b, BigInteger tu, BigInteger y, BigInteger t) {
        if (tu.signum() == 0) return;
        if (b.bitLength() > 127) cases.merge("B >= 2^127", 1, Integer::sum);
        else if (b.bitLength() > 64) cases.merge("B in [2^64, 2^127)", 1, Integer::sum);
        else if (y.multiply(tu).bitLength() > 64) cases.merge("B < 2^64, product > 2^64", 1, Integer::sum);
        if (y.compareTo(b) >= 0) cases.merge("y >= B > 0", 1, Integer::sum);
        else if (t.signum() > 0 && t.compareTo(tu) < 0) cases.merge("0 < t < T", 1, Integer::sum);
    }
}
