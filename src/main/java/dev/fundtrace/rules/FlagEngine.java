package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.trace.AssetGraph;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;
import dev.fundtrace.trace.Reach;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the rule table of report.md to a chain's trace. A flag is one (rule, chain, asset, address); when
 * both directions support it (an address that both paid and was paid by a seed) it names both flows.
 * Most rules are evaluated here address by address; a rule with a class of its own ({@link PeelChainRule})
 * returns {@link RuleHit}s, which become flags the same way.
 */
public final class FlagEngine {

    private final LabelBook labels;
    private final RuleThresholds thresholds;

    public FlagEngine(LabelBook labels, RuleThresholds thresholds) {
        this.labels = labels;
        this.thresholds = thresholds;
    }

    /** @param sanctionedNotSeeds addresses on the loaded sanctions lists that were not selected as seeds */
    public FlagResult evaluate(ChainTrace trace, Collection<String> sanctionedNotSeeds) {
        Run run = new Run(trace, sanctionedNotSeeds);
        for (AssetTrace a : trace.assets()) run.asset(a);
        for (RuleHit h : new PeelChainRule(trace).evaluate()) run.hit(h);
        return new FlagResult(run.flags(), List.copyOf(run.flows.values()));
    }

    /** {@code out >= 0.9 * in}, exactly, for non-negative longs: {@code 10 out >= 9 in} in 128 bits. */
    static boolean atLeastNineTenths(long out, long in) {
        long hiOut = Math.multiplyHigh(out, 10), hiIn = Math.multiplyHigh(in, 9);
        return hiOut != hiIn ? hiOut > hiIn : Long.compareUnsigned(out * 10, in * 9) >= 0;
    }

    private final class Run {
        final ChainTrace trace;
        final ChainLedger ledger;
        final Set<Integer> sanctioned = new HashSet<>();
        final Map<String, Flow> flows = new LinkedHashMap<>();
        final Map<String, Pending> pending = new LinkedHashMap<>();

        Run(ChainTrace trace, Collection<String> sanctionedNotSeeds) {
            this.trace = trace;
            this.ledger = trace.ledger();
            for (String s : sanctionedNotSeeds) {
                int id = ledger.addresses().find(s);
                if (id >= 0) sanctioned.add(id);
            }
        }

        void asset(AssetTrace a) {
            AssetGraph g = a.graph();
            Reach fwd = a.forward(), back = a.backward();
            BigInteger indirectMin = RuleThresholds.rawAtLeast(thresholds.indirectExposureMin(), a.asset(), a.symbol(), a.decimals());
            BigDecimal structuring = RuleThresholds.raw(thresholds.structuringThreshold(), a.asset(), a.symbol(), a.decimals());
            for (int v = 0; v < g.addressCount(); v++) {
                int hf = fwd == null ? 0 : fwd.hop(v), hb = back == null ? 0 : back.hop(v);
                if (a.seed()[v]) {
                    if (structuring != null) structuring(a, v, 0, structuring);
                    continue;
                }
                if (hf == 0 && hb == 0) continue;
                Optional<Label> label = a.service()[v] ? labels.find(trace.chain(), trace.address(a, v)) : Optional.empty();
                if (hf == 1) hit(Rule.DIRECT_COUNTERPARTY, a, Direction.FORWARD, v, null, List.of(),
                        "received " + display(a, firstStepAmount(a, Direction.FORWARD, v)) + " directly from a designated address");
                if (hb == 1) hit(Rule.DIRECT_COUNTERPARTY, a, Direction.BACKWARD, v, null, List.of(),
                        "sent " + display(a, a.backwardAmounts()[v]) + " directly to a designated address");
                if (sanctioned.contains(g.globalAddress(v))) {
                    if (hf > 0) hit(Rule.SANCTIONED_COUNTERPARTY, a, Direction.FORWARD, v, null, List.of(),
                            "is itself on the sanctions list (not selected as a seed) and received designated funds " + hf + " hop(s) away");
                    if (hb > 0) hit(Rule.SANCTIONED_COUNTERPARTY, a, Direction.BACKWARD, v, null, List.of(),
                            "is itself on the sanctions list (not selected as a seed) and funded a designated address " + hb + " hop(s) away");
                }
                if (label.isPresent()) {
                    Label l = label.get();
                    if (hf > 0 && l.isMixer()) hit(Rule.MIXER, a, Direction.FORWARD, v, null, List.of(),
                            "the mixer " + l.label() + " received designated funds " + hf + " hop(s) from a designated address");
                    if (hf > 0 && l.isExchange()) cashOut(a, v, l);
                    if (hb > 0 && l.isExchange()) hit(Rule.EXCHANGE_FUNDING, a, Direction.BACKWARD, v, null, List.of(),
                            "the exchange " + l.label() + " funded a designated address " + hb + " hop(s) away");
                    continue; // services: no pattern rules
                }
                if (hf > 0) {
                    if (hf >= 2 && indirectMin != null && a.taint().hasReceived(v)) {
                        BigInteger received = a.taint().received(v);
                        if (received.compareTo(indirectMin) >= 0) {
                            hit(Rule.INDIRECT_EXPOSURE, a, Direction.FORWARD, v, null, List.of(),
                                    "received about " + display(a, received) + " of designated funds (haircut) " + hf + " hops away");
                        }
                    }
                    rapidPassThrough(a, v);
                    if (structuring != null) structuring(a, v, hf, structuring);
                }
            }
        }

        void cashOut(AssetTrace a, int v, Label l) {
            Flow f = flow(a, Direction.FORWARD, v);
            FlowStep last = f.path().get(f.path().size() - 1);
            String deposit = f.hops() >= 2 ? last.from() : null;
            hit(Rule.EXCHANGE_CASH_OUT, a, Direction.FORWARD, v, deposit, List.of(),
                    "designated funds reached the exchange " + l.label() + " in " + f.hops() + " hop(s)"
                            + (deposit == null ? ", paid directly by the designated address" : "; likely deposit address " + deposit));
        }

        /** An address forwards at least 90% of a tainted inflow within the window. */
        void rapidPassThrough(AssetTrace a, int v) {
            AssetGraph g = a.graph();
            long window = thresholds.rapidPassThroughWindow().toSeconds();
            for (int i = g.inBegin(v); i < g.inEnd(v); i++) {
                int in = g.inEdgeAt(i);
                if (!a.taint().carries(in)) continue;
                long t0 = ledger.time(g.ledgerRow(in));
                if (t0 < 0) continue;
                int inRow = g.ledgerRow(in);
                // amounts that fit a long are summed and compared as longs (the common case, and the inner loop
                // of the rules); the first one that does not, or a sum that would overflow, switches to BigInteger
                long inSmall = ledger.isSmall(inRow) ? ledger.smallAmount(inRow) : -1, outSmall = 0;
                BigInteger inflow = null, out = null;
                int first = g.firstOutAfter(v, in);
                for (int j = first; j < g.outEnd(v); j++) {
                    int e = g.outEdgeAt(j);
                    int row = g.ledgerRow(e);
                    long t = ledger.time(row);
                    if (t < 0 || t > t0 + window) break;
                    boolean passed;
                    if (out == null && inSmall >= 0 && ledger.isSmall(row) && outSmall <= Long.MAX_VALUE - ledger.smallAmount(row)) {
                        outSmall += ledger.smallAmount(row);
                        passed = atLeastNineTenths(outSmall, inSmall);
                    } else {
                        if (out == null) {
                            out = BigInteger.valueOf(outSmall);
                            inflow = ledger.amount(inRow);
                        }
                        out = out.add(ledger.amount(row));
                        passed = out.multiply(BigInteger.TEN).compareTo(inflow.multiply(BigInteger.valueOf(9))) >= 0;
                    }
                    if (passed) {
                        if (out == null) {
                            out = BigInteger.valueOf(outSmall);
                            inflow = BigInteger.valueOf(inSmall);
                        }
                        List<String> evidence = new ArrayList<>(List.of(ledger.txHash(g.ledgerRow(in))));
                        for (int k = first; k <= j; k++) evidence.add(ledger.txHash(g.ledgerRow(g.outEdgeAt(k))));
                        hit(Rule.RAPID_PASS_THROUGH, a, Direction.FORWARD, v, null, evidence,
                                "passed on " + display(a, out) + " of a tainted inflow of " + display(a, inflow)
                                        + " within " + thresholds.rapidPassThroughWindow());
                        return;
                    }
                }
            }
        }

        /** Several transfers just under the reporting threshold (90% to 100%) within the window. */
        void structuring(AssetTrace a, int v, int hops, BigDecimal thresholdRaw) {
            AssetGraph g = a.graph();
            // integer amounts y: y < threshold <=> y < ceil(threshold), y >= 0.9·threshold <=> y >= ceil(0.9·threshold)
            BigInteger limit = thresholdRaw.setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
            BigInteger floor = thresholdRaw.multiply(NINE_TENTHS).setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
            List<Integer> near = new ArrayList<>();
            for (int i = g.outBegin(v); i < g.outEnd(v); i++) {
                int e = g.outEdgeAt(i);
                BigInteger y = ledger.amount(g.ledgerRow(e));
                if (y.compareTo(floor) >= 0 && y.compareTo(limit) < 0 && ledger.time(g.ledgerRow(e)) >= 0) near.add(e);
            }
            long window = thresholds.structuringWindow().toSeconds();
            int need = thresholds.structuringMinTransfers();
            for (int s = 0, t = 0; t < near.size(); t++) {
                long tt = ledger.time(g.ledgerRow(near.get(t)));
                while (tt - ledger.time(g.ledgerRow(near.get(s))) > window) s++;
                if (t - s + 1 >= need) {
                    List<String> evidence = near.subList(s, t + 1).stream().map(e -> ledger.txHash(g.ledgerRow(e))).toList();
                    String why = (a.seed()[v] ? "the designated address" : "this address") + " sent " + evidence.size()
                            + " transfers just under the reporting threshold of " + display(a, limit) + " within "
                            + thresholds.structuringWindow();
                    if (a.seed()[v]) pending(Rule.STRUCTURING, a, v, 0).add(null, evidence, why, trace.address(a, v), 0);
                    else hit(Rule.STRUCTURING, a, Direction.FORWARD, v, null, evidence, why);
                    return;
                }
            }
        }

        void hit(Rule rule, AssetTrace a, Direction d, int v, String deposit, List<String> extraEvidence, String why) {
            Flow f = flow(a, d, v);
            int hops = f.hops();
            Pending p = pending(rule, a, v, hops);
            p.addFlow(f);
            p.add(deposit, extraEvidence, why, f.seed(), hops);
        }

        /** A rule class's hit: it names the flow, and its evidence is the hit's own (the flow's path is not copied in). */
        void hit(RuleHit h) {
            Flow f = flow(h.asset(), h.direction(), h.address());
            Pending p = pending(h.rule(), h.asset(), h.address(), f.hops());
            p.flowIds.add(f.id());
            p.add(null, h.evidence(), h.explanation(), f.seed(), f.hops());
        }

        Pending pending(Rule rule, AssetTrace a, int v, int hops) {
            return pending.computeIfAbsent(key(rule, a, v), k -> new Pending(rule, trace.chain(), a.asset(), trace.address(a, v), hops));
        }

        String key(Rule rule, AssetTrace a, int v) {
            return rule + "|" + a.asset() + "|" + v;
        }

        Flow flow(AssetTrace a, Direction d, int v) {
            String id = "F-" + shortHash(d.id() + "|" + trace.chain() + "|" + a.asset() + "|" + trace.address(a, v));
            return flows.computeIfAbsent(id, k -> trace.flow(k, a, d, v, labels));
        }

        BigInteger firstStepAmount(AssetTrace a, Direction d, int v) {
            Flow f = flow(a, d, v);
            return f.path().get(f.path().size() - 1).amountRaw();
        }

        List<Flag> flags() {
            List<Flag> out = new ArrayList<>();
            for (Pending p : pending.values()) out.add(p.toFlag());
            out.sort((x, y) -> {
                int c = x.severity().compareTo(y.severity());
                if (c == 0) c = x.rule().compareTo(y.rule());
                if (c == 0) c = x.asset().compareTo(y.asset());
                return c != 0 ? c : x.address().compareTo(y.address());
            });
            return out;
        }
    }

    /** A flag being assembled from one or more hits. */
    private static final class Pending {
        final Rule rule;
        final String chain, asset, address;
        int hops;
        String seed, deposit;
        final Set<String> flowIds = new LinkedHashSet<>();
        final Set<String> evidence = new LinkedHashSet<>();
        final List<String> reasons = new ArrayList<>();

        Pending(Rule rule, String chain, String asset, String address, int hops) {
            this.rule = rule;
            this.chain = chain;
            this.asset = asset;
            this.address = address;
            this.hops = hops;
        }

        void addFlow(Flow f) {
            flowIds.add(f.id());
            for (FlowStep s : f.path()) evidence.add(s.txHash());
        }

        void add(String depositAddress, List<String> extraEvidence, String why, String seedAddress, Integer h) {
            if (deposit == null) deposit = depositAddress;
            evidence.addAll(extraEvidence);
            if (!reasons.contains(why)) reasons.add(why);
            if (seed == null) seed = seedAddress;
            if (h != null) hops = Math.min(hops, h);
        }

        Flag toFlag() {
            String explanation = address + " " + String.join("; it also ", reasons) + ".";
            return new Flag("G-" + shortHash(rule + "|" + chain + "|" + asset + "|" + address), rule, rule.severity(),
                    chain, asset, address, seed, hops, List.copyOf(flowIds), List.copyOf(evidence), explanation, deposit, true);
        }
    }

    private static final BigDecimal NINE_TENTHS = new BigDecimal("0.9");

    static String display(AssetTrace a, BigInteger raw) {
        BigDecimal v = new BigDecimal(raw);
        if (a.decimals() > 0) v = v.movePointLeft(a.decimals());
        v = v.round(new java.math.MathContext(12)).stripTrailingZeros();
        return v.toPlainString() + " " + a.symbol();
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
