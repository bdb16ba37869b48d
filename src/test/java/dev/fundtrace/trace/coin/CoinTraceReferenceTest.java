package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.fundtrace.trace.coin.TestLedger.ext;
import static dev.fundtrace.trace.coin.TestLedger.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random ledgers (small and near-2^63 values, coins from before the export, unresolved and addressless coins, seeds,
 * a service, dust, children listed before parents) traced by {@link CoinTracer} and by a plain reference written
 * from utxo.md with maps and BigInteger: they must agree to the unit, conserve every tainted unit, and not depend
 * on the order of transactions within a block.
 */
class CoinTraceReferenceTest {

    private static final List<String> HOLDERS = List.of("S1", "S2", "L1", "A", "B", "C", "D", "E", "F");
    private static final List<String> SEEDS = List.of("S1", "S2");
    private static final List<String> SERVICES = List.of("L1");

    record Spec(String name, boolean coinbase, List<TestLedger.Input> inputs, List<String> holders, List<Long> values) {}

    /** Blocks of transactions in the order they were generated: each spends only coins generated before it. */
    private static List<List<Spec>> generate(Random r) {
        List<List<Spec>> blocks = new ArrayList<>();
        List<String> unspent = new ArrayList<>();
        Map<String, Long> valueOf = new HashMap<>();
        int n = 0, ext = 0;
        boolean large = r.nextInt(3) == 0;
        for (int b = 0; b < 7; b++) {
            List<Spec> block = new ArrayList<>();
            int txs = 1 + r.nextInt(6);
            for (int k = 0; k < txs; k++) {
                String name = "t" + n++;
                boolean coinbase = b == 0 || unspent.isEmpty() || r.nextInt(8) == 0;
                List<TestLedger.Input> inputs = new ArrayList<>();
                BigInteger known = BigInteger.ZERO;
                boolean unresolved = false;
                if (!coinbase) {
                    int ins = 1 + r.nextInt(4);
                    for (int i = 0; i < ins && !unspent.isEmpty(); i++) {
                        String coin = unspent.remove(r.nextInt(unspent.size()));
                        inputs.add(in(coin));
                        known = known.add(BigInteger.valueOf(valueOf.get(coin)));
                    }
                    if (r.nextInt(4) == 0) {
                        long v = r.nextInt(3) == 0 ? CoinLedger.UNKNOWN : value(r, large);
                        inputs.add(ext("pre" + ext, r.nextInt(3), v, holder(r)));
                        ext++;
                        if (v < 0) unresolved = true;
                        else known = known.add(BigInteger.valueOf(v));
                    }
                }
                int outs = 1 + r.nextInt(4);
                List<String> holders = new ArrayList<>();
                List<Long> values = new ArrayList<>();
                BigInteger left = coinbase || unresolved ? BigInteger.valueOf(Long.MAX_VALUE) : known;
                for (int o = 0; o < outs; o++) {
                    long cap = left.min(BigInteger.valueOf(large ? Long.MAX_VALUE / 2 : 10_000_000)).longValue();
                    long v = cap <= 0 ? 0 : (r.nextInt(5) == 0 ? r.nextInt(1000) : r.nextLong(cap + 1));
                    left = left.subtract(BigInteger.valueOf(v));
                    String h = holder(r);
                    holders.add(h);
                    values.add(v);
                    String coin = name + ":" + o;
                    valueOf.put(coin, v);
                    unspent.add(coin);
                }
                block.add(new Spec(name, coinbase, inputs, holders, values));
            }
            blocks.add(block);
        }
        return blocks;
    }

    private static long value(Random r, boolean large) {
        return large ? r.nextLong(Long.MAX_VALUE / 2) : r.nextInt(10_000_000);
    }

    private static String holder(Random r) {
        return r.nextInt(6) == 0 ? null : HOLDERS.get(r.nextInt(HOLDERS.size()));
    }

    /** The blocks with their transactions listed in a shuffled order (children may come before parents). */
    private static TestLedger build(List<List<Spec>> blocks, Random shuffle) {
        TestLedger l = new TestLedger();
        for (int b = 0; b < blocks.size(); b++) {
            List<Spec> listed = new ArrayList<>(blocks.get(b));
            if (shuffle != null) Collections.shuffle(listed, shuffle);
            l.block(100 + b);
            for (Spec s : listed) {
                TestLedger.Tx tx = s.coinbase() ? l.coinbase(s.name()) : l.tx(s.name(), s.inputs().toArray(TestLedger.Input[]::new));
                for (int o = 0; o < s.values().size(); o++) tx.out(s.holders().get(o), s.values().get(o));
            }
        }
        return l;
    }

    @RepeatedTest(300)
    void agreesWithThePlainReading(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition());
        List<List<Spec>> blocks = generate(r);
        int maxHops = 1 + r.nextInt(4);
        long dust = r.nextBoolean() ? 0 : 546;
        CoinTraceParameters p = new CoinTraceParameters(true, true, maxHops, dust, false, false);
        TestLedger listed = build(blocks, null), shuffled = build(blocks, new Random(r.nextLong()));
        CoinTrace t = Tracing.trace(listed, SEEDS, SERVICES, p);
        Reference ref = new Reference(listed.build(), maxHops, dust);

        CoinLedger l = t.ledger();
        for (int c = 0; c < l.coinCount(); c++) {
            assertEquals(ref.hop(c), t.coinHop(c), "hop of " + l.outpoint(c));
            assertEquals(ref.taint(c), t.coinTaint(c), "taint of " + l.outpoint(c));
            assertEquals(ref.backHop(c), t.backwardCoinHop(c), "backward hop of " + l.outpoint(c));
        }
        assertEquals(ref.horizon, t.leftHorizon());
        assertEquals(ref.returned, t.returnedToSeeds());
        assertEquals(ref.fees, t.toFees());
        for (int a = 0; a < l.addressCount(); a++) {
            assertEquals(ref.addressHop(a, true), t.forwardHop(a), l.address(a));
            assertEquals(ref.addressAmount(a, true), t.forwardAmount(a), l.address(a));
            assertEquals(ref.evidence(a, true), t.forwardEvidenceCoin(a), l.address(a));
            assertEquals(ref.addressHop(a, false), t.backwardHop(a), l.address(a));
            assertEquals(ref.addressAmount(a, false), t.backwardAmount(a), l.address(a));
            assertEquals(ref.evidence(a, false), t.backwardEvidenceCoin(a), l.address(a));
        }
        Tracing.assertConserved(t);

        CoinTrace u = Tracing.trace(shuffled, SEEDS, SERVICES, p);
        for (List<Spec> block : blocks) {
            for (Spec s : block) {
                for (int o = 0; o < s.values().size(); o++) {
                    String coin = s.name() + ":" + o;
                    assertEquals(t.coinHop(listed.coin(coin)), u.coinHop(shuffled.coin(coin)), coin);
                    assertEquals(t.coinTaint(listed.coin(coin)), u.coinTaint(shuffled.coin(coin)), coin);
                    assertEquals(t.backwardCoinHop(listed.coin(coin)), u.backwardCoinHop(shuffled.coin(coin)), coin);
                }
            }
        }
        assertEquals(t.toFees(), u.toFees());
        assertEquals(t.leftHorizon(), u.leftHorizon());
        for (String h : HOLDERS) {
            int a = listed.build().addressId(h), b = shuffled.build().addressId(h);
            if (a < 0) continue;
            assertEquals(t.forwardHop(a), u.forwardHop(b), h);
            assertEquals(t.forwardAmount(a), u.forwardAmount(b), h);
            assertEquals(t.backwardAmount(a), u.backwardAmount(b), h);
        }
    }

    /** utxo.md read plainly: repeated passes until every transaction is done, BigInteger, sorting for evidence. */
    private static final class Reference {
        private final CoinLedger l;
        private final Map<Integer, Integer> hop = new HashMap<>(), back = new HashMap<>();
        private final Map<Integer, BigInteger> taint = new HashMap<>();
        BigInteger horizon = BigInteger.ZERO, returned = BigInteger.ZERO, fees = BigInteger.ZERO;

        Reference(CoinLedger l, int maxHops, long dust) {
            this.l = l;
            for (int c = 0; c < l.coinCount(); c++) {
                if (seed(l.holder(c))) {
                    hop.put(c, 0);
                    taint.put(c, BigInteger.valueOf(Math.max(0, l.value(c))));
                }
            }
            boolean[] done = new boolean[l.txCount()];
            for (int remaining = l.txCount(); remaining > 0; ) {
                for (int t = 0; t < l.txCount(); t++) {
                    if (done[t] || !ready(t, done)) continue;
                    forward(t, maxHops, dust);
                    done[t] = true;
                    remaining--;
                }
            }
            backward(maxHops);
        }

        private boolean ready(int t, boolean[] done) {
            for (int i = l.inputStart(t); i < l.inputEnd(t); i++) {
                int parent = l.creator(l.inputCoin(i));
                if (parent >= 0 && !done[parent]) return false;
            }
            return true;
        }

        private boolean seed(int a) { return a >= 0 && SEEDS.contains(l.address(a)); }

        private boolean service(int a) { return a >= 0 && SERVICES.contains(l.address(a)); }

        private boolean passing(int c) {
            Integer h = hop.get(c);
            return h != null && (h == 0 || !service(l.holder(c)));
        }

        private void forward(int t, int maxHops, long dust) {
            int min = Integer.MAX_VALUE;
            BigInteger tt = BigInteger.ZERO, known = BigInteger.ZERO, out = BigInteger.ZERO;
            for (int i = l.inputStart(t); i < l.inputEnd(t); i++) {
                int c = l.inputCoin(i);
                if (l.value(c) >= 0) known = known.add(BigInteger.valueOf(l.value(c)));
                if (passing(c)) {
                    min = Math.min(min, hop.get(c));
                    tt = tt.add(taint.get(c));
                }
            }
            if (min == Integer.MAX_VALUE) return;
            int h = min + 1;
            if (h > maxHops) {
                horizon = horizon.add(tt);
                return;
            }
            for (int c = l.outputStart(t); c < l.outputEnd(t); c++) out = out.add(BigInteger.valueOf(l.value(c)));
            BigInteger d = known.max(out), shares = BigInteger.ZERO;
            for (int c = l.outputStart(t); c < l.outputEnd(t); c++) {
                BigInteger share = tt.signum() == 0 ? BigInteger.ZERO : tt.multiply(BigInteger.valueOf(l.value(c))).divide(d);
                shares = shares.add(share);
                if (seed(l.holder(c))) returned = returned.add(share);
                else if (l.value(c) < dust) horizon = horizon.add(share);
                else {
                    hop.put(c, h);
                    taint.put(c, share);
                }
            }
            fees = fees.add(tt.subtract(shares));
        }

        /** Relaxation to a fixed point: a transaction's level is 0 when it pays a seed, else its best followed output's hop. */
        private void backward(int maxHops) {
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int t = 0; t < l.txCount(); t++) {
                    int level = Integer.MAX_VALUE;
                    for (int c = l.outputStart(t); c < l.outputEnd(t); c++) {
                        if (seed(l.holder(c))) level = 0;
                        Integer h = back.get(c);
                        if (h != null && h < maxHops && !service(l.holder(c)) && !l.isCoinbase(t)) level = Math.min(level, h);
                    }
                    if (level == Integer.MAX_VALUE || level + 1 > maxHops) continue;
                    for (int i = l.inputStart(t); i < l.inputEnd(t); i++) {
                        int c = l.inputCoin(i);
                        if (seed(l.holder(c))) continue;
                        Integer h = back.get(c);
                        if (h == null || level + 1 < h) {
                            back.put(c, level + 1);
                            changed = true;
                        }
                    }
                }
            }
        }

        int hop(int c) { return hop.getOrDefault(c, -1); }

        BigInteger taint(int c) { return taint.getOrDefault(c, BigInteger.ZERO); }

        int backHop(int c) { return back.getOrDefault(c, -1); }

        private List<Integer> coinsOf(int a, boolean fwd) {
            List<Integer> coins = new ArrayList<>();
            if (seed(a)) return coins;
            for (int c = 0; c < l.coinCount(); c++) {
                if (l.holder(c) != a) continue;
                if (fwd ? hop(c) >= 1 : backHop(c) >= 1) coins.add(c);
            }
            return coins;
        }

        int addressHop(int a, boolean fwd) {
            return coinsOf(a, fwd).stream().mapToInt(c -> fwd ? hop(c) : backHop(c)).min().orElse(0);
        }

        BigInteger addressAmount(int a, boolean fwd) {
            BigInteger sum = BigInteger.ZERO;
            for (int c : coinsOf(a, fwd)) {
                sum = sum.add(fwd ? taint(c) : BigInteger.valueOf(Math.max(0, l.value(c))));
            }
            return sum;
        }

        int evidence(int a, boolean fwd) {
            Comparator<Integer> order = fwd
                    ? Comparator.<Integer>comparingInt(this::hop).thenComparingLong(c -> l.block(l.creator(c)))
                            .thenComparingInt(c -> l.position(l.creator(c))).thenComparingInt(l::vout)
                    : Comparator.<Integer>comparingInt(this::backHop)
                            .thenComparingLong(c -> l.block(l.inputTx(l.spender(c))))
                            .thenComparingInt(c -> l.position(l.inputTx(l.spender(c))))
                            .thenComparingInt(c -> l.spender(c) - l.inputStart(l.inputTx(l.spender(c))));
            return coinsOf(a, fwd).stream().min(order).orElse(-1);
        }
    }
}
