package dev.fundtrace.trace;

import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.labels.LabelBook;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.fundtrace.trace.LedgerFixture.ETH;
import static dev.fundtrace.trace.LedgerFixture.TOKEN;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares {@link ChainTracer} with a brute-force reference written from {@code tracing.md} alone, on seeded
 * random graphs: reach and hops by enumerating every temporal chain (DFS up to max_hops), haircut by running
 * the procedure literally over every transfer in order with BigInteger balances and taint (floor of the exact
 * product), compared to the unit.
 */
class TraceReferencePropertyTest {

    private static final int GRAPHS = 400;
    private static final Comparator<Transfer> ORDER = Comparator.comparingLong(Transfer::blockNumber)
            .thenComparingInt(Transfer::position).thenComparingInt(Transfer::subPosition);

    @Test
    void chainTracerMatchesTheBruteForceReference() {
        for (int i = 0; i < GRAPHS; i++) {
            long seed = 0x5eed0000L + i;
            Scenario s = Scenario.random(new Random(seed));
            try {
                check(s);
            } catch (AssertionError e) {
                throw new AssertionError("graph seed " + Long.toHexString(seed) + ": " + s + "\n" + e.getMessage(), e);
            }
        }
        System.out.println("property test coverage: " + stats);
        // the random graphs must exercise the interesting cases, not only trivial ones
        assertThat(stats.get("deepForward")).as("addresses reached forward at hop >= 3").isGreaterThan(100);
        assertThat(stats.get("deepBackward")).as("addresses reached backward at hop >= 3").isGreaterThan(100);
        assertThat(stats.get("mixed")).as("addresses with 0 < received < total in").isGreaterThan(1000);
        assertThat(stats.get("left")).as("graphs where taint left the horizon").isGreaterThan(300);
    }

    private static final Map<String, Integer> stats = new HashMap<>();

    /** One random graph and its parameters. */
    record Scenario(List<Transfer> transfers, Set<String> seeds, Set<String> services, int maxHops,
                    Map<String, BigInteger> dust) {

        static Scenario random(Random rnd) {
            int n = 10 + rnd.nextInt(31);
            int m = 20 + rnd.nextInt(101);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) names.add("N" + i);
            Set<String> seeds = new LinkedHashSet<>();
            int seedCount = 1 + rnd.nextInt(3);
            while (seeds.size() < seedCount) seeds.add(names.get(rnd.nextInt(n)));
            Set<String> services = new LinkedHashSet<>();
            int serviceCount = rnd.nextInt(4);
            for (int i = 0; i < serviceCount; i++) {
                String x = names.get(rnd.nextInt(n));
                if (!seeds.contains(x)) services.add(x);
            }
            if (rnd.nextInt(10) == 0) services.add(seeds.iterator().next()); // a labelled seed stays a seed
            int maxHops = 1 + rnd.nextInt(4);
            Map<String, BigInteger> dust = new HashMap<>();
            if (rnd.nextInt(3) == 0) dust.put(ETH, BigInteger.valueOf(1 + rnd.nextInt(60)));
            if (rnd.nextInt(3) == 0) dust.put(TOKEN, BigInteger.valueOf(1 + rnd.nextInt(60)));
            int blocks = 3 + rnd.nextInt(15);
            boolean bigAmounts = rnd.nextInt(5) == 0;

            LedgerFixture f = new LedgerFixture();
            Set<String> keys = new HashSet<>();
            List<String> seedList = List.copyOf(seeds);
            while (f.transfers().size() < m) {
                if (!f.transfers().isEmpty() && rnd.nextInt(20) == 0) { // the same transfer loaded twice
                    f.add(f.transfers().get(rnd.nextInt(f.transfers().size())));
                    continue;
                }
                List<Transfer> sofar = f.transfers();
                int pick = rnd.nextInt(8);
                Transfer prev = pick >= 2 && pick < 5 && !sofar.isEmpty() ? sofar.get(rnd.nextInt(sofar.size())) : null;
                boolean token = prev != null ? !prev.asset().equals(ETH) : rnd.nextInt(4) == 0;
                // a transfer going on from an earlier receiver mostly comes later: chains grow longer
                long block = prev != null && rnd.nextInt(4) > 0
                        ? Math.min(blocks - 1, prev.blockNumber() + rnd.nextInt(3)) : rnd.nextInt(blocks);
                int position = rnd.nextInt(4);
                int sub = !token && rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0;
                String asset = token ? TOKEN : ETH;
                if (!keys.add(asset + ":" + block + ":" + position + ":" + sub)) continue;
                String from = pick < 2 ? addr(seedList.get(rnd.nextInt(seedList.size())))
                        : prev != null ? prev.to() : addr(names.get(rnd.nextInt(n)));
                String to = rnd.nextInt(12) == 0 ? seedList.get(rnd.nextInt(seedList.size())) : names.get(rnd.nextInt(n));
                BigInteger amount = switch (bigAmounts && rnd.nextBoolean() ? rnd.nextInt(4) : 4) {
                    case 0 -> new BigInteger(1 + rnd.nextInt(256), rnd).add(BigInteger.ONE);
                    // near-equal large amounts: shares y/B that round to 1.0 in a double while y < B
                    case 1 -> BigInteger.ONE.shiftLeft(60).add(BigInteger.valueOf(rnd.nextInt(4)));
                    case 2 -> LedgerFixture.UINT256_MAX.subtract(BigInteger.valueOf(rnd.nextInt(4)))
                            .shiftRight(rnd.nextInt(2));
                    // around the edges of the kernel's 64- and 128-bit arithmetic: 2^63, 2^64, 2^127, 2^128
                    case 3 -> BigInteger.ONE.shiftLeft(new int[]{63, 64, 126, 127, 128}[rnd.nextInt(5)])
                            .add(BigInteger.valueOf(rnd.nextInt(7) - 3)).max(BigInteger.ONE);
                    default -> BigInteger.valueOf(1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 1000));
                };
                TransferKind kind = token ? TransferKind.TOKEN
                        : sub > 0 ? TransferKind.INTERNAL
                        : rnd.nextInt(12) == 0 ? TransferKind.REVERTED : TransferKind.NATIVE;
                f.add(asset, block, position, sub, name(from), to, amount, kind);
            }
            return new Scenario(List.copyOf(f.transfers()), seeds, services, maxHops, dust);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("seeds=" + seeds + " services=" + services + " maxHops=" + maxHops
                    + " dust=" + dust + "\n");
            for (Transfer t : transfers) {
                b.append("  ").append(t.asset().equals(ETH) ? "ETH" : "TOK").append(' ').append(t.blockNumber())
                        .append(':').append(t.position()).append('.').append(t.subPosition()).append(' ')
                        .append(name(t.from())).append('>').append(name(t.to())).append(' ').append(t.amount())
                        .append(' ').append(t.kind()).append('\n');
            }
            return b.toString();
        }
    }

    static String name(String address) {
        return new String(java.util.HexFormat.of().parseHex(address.substring(2).replaceFirst("^(00)+", "")));
    }

    private static void check(Scenario s) {
        LedgerFixture f = new LedgerFixture();
        s.transfers().forEach(f::add);
        ChainLedger ledger = f.ledger();
        Set<String> seedAddr = new HashSet<>(), serviceAddr = new HashSet<>();
        s.seeds().forEach(x -> seedAddr.add(addr(x)));
        s.services().forEach(x -> serviceAddr.add(addr(x)));
        ChainTrace trace = new ChainTracer(ledger).trace(seedAddr, serviceAddr,
                new TraceParameters(true, true, s.maxHops(), s.dust()));
        for (String asset : List.of(ETH, TOKEN)) {
            Reference ref = new Reference(s, asset, seedAddr, serviceAddr);
            AssetTrace a = trace.assets().stream().filter(x -> x.asset().equals(asset)).findFirst().orElse(null);
            if (a == null) {
                boolean seedTakesPart = s.transfers().stream().anyMatch(t -> t.asset().equals(asset)
                        && t.kind().movesValue() && (seedAddr.contains(t.from()) || seedAddr.contains(t.to())));
                assertThat(seedTakesPart).as(asset + " not traced although a seed took part").isFalse();
                assertThat(ref.fwdHop).as(asset + " forward").isEmpty();
                assertThat(ref.backHop).as(asset + " backward").isEmpty();
                continue;
            }
            compare(trace, a, ref, asset);
        }
    }

    private static void compare(ChainTrace trace, AssetTrace a, Reference ref, String asset) {
        AssetGraph g = a.graph();
        assertThat(g.edgeCount()).as(asset + " edges").isEqualTo(ref.edges.size());
        Map<String, Integer> fwd = new HashMap<>(), back = new HashMap<>();
        for (int v = 0; v < g.n; v++) {
            String x = trace.address(a, v);
            if (a.forward().hop(v) > 0) fwd.put(x, a.forward().hop(v));
            if (a.backward().hop(v) > 0) back.put(x, a.backward().hop(v));
        }
        assertThat(fwd).as(asset + " forward hops").isEqualTo(ref.fwdHop);
        assertThat(back).as(asset + " backward hops").isEqualTo(ref.backHop);

        // the seeds found level by level (exposures) are those at the start of each flow, and flows whose steps come
        // from a cache shared across flows are the same flows
        int[] forwardSeeds = a.forward().seeds(g), backwardSeeds = a.backward().seeds(g);
        StepCache steps = new StepCache();
        for (int v = 0; v < g.n; v++) {
            for (Direction d : Direction.values()) {
                Reach r = d == Direction.FORWARD ? a.forward() : a.backward();
                int[] seeds = d == Direction.FORWARD ? forwardSeeds : backwardSeeds;
                if (r.hop(v) == 0) {
                    assertThat(seeds[v]).isEqualTo(-1);
                    continue;
                }
                Flow flow = trace.flow("X", a, d, v, LabelBook.empty());
                assertThat(trace.address(a, seeds[v])).as(asset + " seed of " + d + " " + name(trace.address(a, v))).isEqualTo(flow.seed());
                assertThat(trace.flow("X", a, d, v, LabelBook.empty(), steps)).isEqualTo(flow);
            }
        }

        for (int v = 0; v < g.n; v++) {
            String x = trace.address(a, v);
            if (a.forward().hop(v) > 0) {
                int h = a.forward().hop(v);
                // first arrival: the earliest over every level
                long first = Long.MAX_VALUE;
                for (int l = 1; l <= ref.maxHops; l++) {
                    int e = a.forward().edgeAt(l, v);
                    if (e >= 0) first = Math.min(first, rank(trace, g, e));
                }
                assertThat(first).as(asset + " first arrival of " + name(x)).isEqualTo(ref.firstArrival.get(x));
                Flow flow = trace.flow("F", a, Direction.FORWARD, v, LabelBook.empty());
                checkChain(flow.path(), ref, true, x, h);
                assertThat(rank(flow.path().get(h - 1))).as(asset + " representative arrival of " + name(x))
                        .isEqualTo(ref.fwdAt.get(x).get(h));
            }
            if (a.backward().hop(v) > 0) {
                int h = a.backward().hop(v);
                Flow flow = trace.flow("B", a, Direction.BACKWARD, v, LabelBook.empty());
                checkChain(flow.path(), ref, false, x, h);
                assertThat(rank(flow.path().get(0))).as(asset + " representative departure of " + name(x))
                        .isEqualTo(ref.backAt.get(x).get(h));
                assertThat(a.backwardAmounts()[v]).as(asset + " backward amount of " + name(x))
                        .isEqualTo(ref.backAmount.get(x));
            }
        }

        // haircut
        for (int v = 0; v < g.n; v++) {
            String x = trace.address(a, v);
            exact(a.taint().received(v), ref.received.getOrDefault(x, BigInteger.ZERO), asset + " received by " + name(x));
        }
        for (String x : ref.received.keySet()) {
            if (trace.local(a, x) < 0) exact(BigInteger.ZERO, ref.received.get(x), asset + " received by absent " + name(x));
        }
        exact(a.taint().leftHorizon(), ref.left, asset + " left horizon");
        if (ref.left.signum() > 0) stats.merge("left", 1, Integer::sum);
        for (int h : ref.fwdHop.values()) if (h >= 3) stats.merge("deepForward", 1, Integer::sum);
        for (int h : ref.backHop.values()) if (h >= 3) stats.merge("deepBackward", 1, Integer::sum);
        for (Map.Entry<String, BigInteger> en : ref.received.entrySet()) {
            BigInteger in = ref.edges.stream().filter(t -> t.to().equals(en.getKey())).map(Transfer::amount)
                    .reduce(BigInteger.ZERO, BigInteger::add);
            if (en.getValue().signum() > 0 && en.getValue().compareTo(in) < 0) {
                stats.merge("mixed", 1, Integer::sum);
            }
        }
        exact(a.taint().returnedToSeeds(), ref.toSeeds, asset + " returned to seeds");
        for (int e = 0; e < g.m; e++) {
            exact(a.taint().carried(e), ref.carried.get(rank(trace, g, e)), asset + " carried by edge " + e);
            if (a.taint().carries(e) != (ref.carried.get(rank(trace, g, e)).signum() > 0)) fail(asset + " carries " + e);
        }
    }

    /** A flow's chain, in money order: valid temporal chain from/to a seed, right length, right endpoints. */
    private static void checkChain(List<FlowStep> path, Reference ref, boolean forward, String endpoint, int hops) {
        assertThat(path).as("path of " + name(endpoint)).hasSize(hops);
        for (int i = 0; i < path.size(); i++) {
            FlowStep st = path.get(i);
            if (i > 0) {
                assertThat(st.from()).isEqualTo(path.get(i - 1).to());
                assertThat(rank(st)).isGreaterThan(rank(path.get(i - 1)));
            }
            String inner = forward ? st.from() : st.to();
            boolean outerEnd = forward ? i == 0 : i == path.size() - 1;
            if (outerEnd) assertThat(ref.seeds).contains(inner);
            else assertThat(ref.seeds.contains(inner) || ref.services.contains(inner)).isFalse();
        }
        assertThat(forward ? path.get(hops - 1).to() : path.get(0).from()).isEqualTo(endpoint);
    }

    private static long rank(FlowStep s) {
        return dev.fundtrace.ledger.OrderKey.of(s.blockNumber(), s.position(), s.subPosition());
    }

    private static long rank(ChainTrace trace, AssetGraph g, int e) {
        return trace.ledger().key(g.ledgerRow(e));
    }

    private static void exact(BigInteger actual, BigInteger expected, String what) {
        if (!actual.equals(expected)) fail(what + ": actual " + actual + " expected " + expected);
    }

    /** tracing.md, written out naively. */
    static final class Reference {
        final Set<String> seeds, services;
        final int maxHops;
        final List<Transfer> edges = new ArrayList<>();
        final Map<String, Integer> fwdHop = new HashMap<>(), backHop = new HashMap<>();
        final Map<String, Long> firstArrival = new HashMap<>();
        /** address -> hop count -> earliest arrival (forward) / latest departure (backward) over exactly that many */
        final Map<String, Map<Integer, Long>> fwdAt = new HashMap<>(), backAt = new HashMap<>();
        final Map<String, BigInteger> backAmount = new HashMap<>();
        final Map<String, BigInteger> received = new HashMap<>();
        final Map<Long, BigInteger> carried = new HashMap<>();
        BigInteger left = BigInteger.ZERO, toSeeds = BigInteger.ZERO;

        Reference(Scenario s, String asset, Set<String> seeds, Set<String> labelled) {
            this.seeds = seeds;
            this.services = new HashSet<>(labelled);
            this.services.removeAll(seeds);
            this.maxHops = s.maxHops();
            BigInteger dust = s.dust().getOrDefault(asset, BigInteger.ZERO);
            Set<Long> seen = new HashSet<>();
            for (Transfer t : s.transfers()) {
                if (!t.asset().equals(asset) || t.kind() == TransferKind.REVERTED) continue;
                if (t.amount().compareTo(dust) < 0) continue;
                if (!seen.add(key(t))) continue; // the same transfer twice
                edges.add(t);
            }
            edges.sort(ORDER);
            forward();
            backward();
            haircut();
        }

        static long key(Transfer t) {
            return dev.fundtrace.ledger.OrderKey.of(t.blockNumber(), t.position(), t.subPosition());
        }

        private void forward() {
            for (Transfer e : edges) {
                if (seeds.contains(e.from()) && !seeds.contains(e.to())) dfsForward(e, 1);
            }
        }

        /** chain ends with e at length h; e.to is not a seed */
        private void dfsForward(Transfer e, int h) {
            String v = e.to();
            long k = key(e);
            fwdHop.merge(v, h, Math::min);
            firstArrival.merge(v, k, Math::min);
            fwdAt.computeIfAbsent(v, x -> new HashMap<>()).merge(h, k, Math::min);
            if (h == maxHops || services.contains(v)) return;
            for (Transfer n : edges) {
                if (n.from().equals(v) && key(n) > k && !seeds.contains(n.to())) dfsForward(n, h + 1);
            }
        }

        private void backward() {
            for (Transfer e : edges) {
                if (seeds.contains(e.to()) && !seeds.contains(e.from())) dfsBackward(e, 1);
            }
            for (Map.Entry<String, Integer> en : backHop.entrySet()) {
                String u = en.getKey();
                int h = en.getValue();
                BigInteger sum = BigInteger.ZERO;
                for (Transfer e : edges) {
                    if (!e.from().equals(u)) continue;
                    String x = e.to();
                    boolean counts;
                    if (h == 1) counts = seeds.contains(x);
                    else {
                        Long dep = backAt.getOrDefault(x, Map.of()).get(h - 1);
                        counts = !seeds.contains(x) && !services.contains(x) && dep != null && key(e) < dep;
                    }
                    if (counts) sum = sum.add(e.amount());
                }
                backAmount.put(u, sum);
            }
        }

        /** chain (toward a seed) starts with e at length h; e.from is not a seed */
        private void dfsBackward(Transfer e, int h) {
            String u = e.from();
            long k = key(e);
            backHop.merge(u, h, Math::min);
            backAt.computeIfAbsent(u, x -> new HashMap<>()).merge(h, k, Math::max);
            if (h == maxHops || services.contains(u)) return;
            for (Transfer p : edges) {
                if (p.to().equals(u) && key(p) < k && !seeds.contains(p.from())) dfsBackward(p, h + 1);
            }
        }

        private void haircut() {
            Map<String, BigInteger> bal = new HashMap<>(), taint = new HashMap<>();
            for (Transfer e : edges) {
                String u = e.from(), v = e.to();
                BigInteger y = e.amount();
                BigInteger t;
                if (seeds.contains(u)) {
                    t = y;
                } else {
                    BigInteger bu = bal.getOrDefault(u, BigInteger.ZERO);
                    BigInteger tu = taint.getOrDefault(u, BigInteger.ZERO);
                    if (services.contains(u) || bu.signum() <= 0) t = BigInteger.ZERO;
                    else t = tu.min(y.multiply(tu).divide(bu));      // t = min(T, floor(y*T/B))
                    bal.put(u, bu.subtract(y).max(BigInteger.ZERO)); // B = max(0, B - y)
                    taint.put(u, tu.subtract(t));                     // T = T - t
                }
                bal.merge(v, y, BigInteger::add);
                if (!seeds.contains(v) && fwdHop.containsKey(v)) {
                    taint.merge(v, t, BigInteger::add);
                    received.merge(v, t, BigInteger::add);
                } else {
                    left = left.add(t);
                    if (seeds.contains(v)) toSeeds = toSeeds.add(t);
                }
                carried.put(key(e), t);
            }
        }
    }
}
