package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.coin.CoinTrace;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One UTXO chain's coin trace as the rules read it: coins, hops, labels, the sanctions list, and the flows their
 * hits rest on. Each flow goes to the {@link FindingSink} once, as in {@link RuleContext}; its id is made as
 * RuleContext makes them, from what it leads to.
 */
final class CoinRuleContext {

    private final CoinTrace trace;
    private final LabelBook labels;
    private final Set<Integer> sanctioned = new HashSet<>();
    private final FindingSink sink;
    /** Per direction, per address: 1 + the handle of the flow to it, 0 while none was made (as in RuleContext). */
    private final int[][] handles = new int[Direction.values().length][];
    private final RecentFlows recent = new RecentFlows();

    /** @param sanctionedNotSeeds addresses on the loaded sanctions list for this chain, not selected as seeds */
    CoinRuleContext(CoinTrace trace, LabelBook labels, Collection<String> sanctionedNotSeeds, FindingSink sink) {
        this.trace = trace;
        this.labels = labels;
        this.sink = sink;
        for (String s : sanctionedNotSeeds) {
            int id = trace.ledger().addressId(s);
            if (id >= 0) sanctioned.add(id);
        }
    }

    CoinTrace trace() { return trace; }

    CoinLedger ledger() { return trace.ledger(); }

    /** The chain id, as flags and flows name it. */
    String chain() { return trace.ledger().chain().id(); }

    /** The chain's symbol: a UTXO chain's only asset. */
    String asset() { return trace.ledger().chain().nativeAsset(); }

    int decimals() { return trace.ledger().chain().nativeDecimals(); }

    /** The address in canonical form. */
    String address(int v) { return trace.ledger().address(v); }

    /** An amount in display units with the chain's symbol, to the unit ("0.12345678 BTC"). */
    String display(BigInteger raw) {
        return Amounts.exact(asset(), decimals(), raw);
    }

    String display(long raw) {
        return display(BigInteger.valueOf(raw));
    }

    /** The forward hop of v, 0 when not reached or not traced forward. */
    int forwardHop(int v) {
        return trace.tracedForward() ? trace.forwardHop(v) : 0;
    }

    /** The backward hop of v, 0 when not reached or not traced backward. */
    int backwardHop(int v) {
        return trace.tracedBackward() ? trace.backwardHop(v) : 0;
    }

    boolean seed(int v) { return trace.isSeed(v); }

    /** v's label. Only services are looked up: the trace was told which addresses are labelled. */
    Optional<Label> label(int v) {
        return trace.isService(v) ? labels.find(chain(), address(v)) : Optional.empty();
    }

    /** Labelled addresses are services: the pattern rules (amounts, timing) do not apply to them. */
    boolean labelled(int v) {
        return label(v).isPresent();
    }

    /** v is on the chain's loaded sanctions list without having been selected as a seed. */
    boolean sanctionedNotSeed(int v) {
        return sanctioned.contains(v);
    }

    /** The flow to v in direction d; its id depends only on what it leads to, so it is stable across runs. */
    Flow flow(Direction d, int v) {
        Flow cached = recent.get(trace, d, v);
        if (cached != null) return cached;
        String id = "F-" + ShortHash.of(d.id() + "|" + chain() + "|" + asset() + "|" + address(v));
        Flow f = trace.flow(id, d, v, labels);
        int[] h = handles(d);
        if (h[v] == 0) h[v] = sink.flow(f) + 1;
        recent.put(trace, d, v, f);
        return f;
    }

    /** The sink's handle of the flow to v in direction d, which {@link #flow} made. */
    int handle(Direction d, int v) {
        int h = handles(d)[v] - 1;
        if (h < 0) throw new IllegalStateException("no flow was made to " + address(v) + " " + d.id());
        return h;
    }

    private int[] handles(Direction d) {
        int i = d.ordinal();
        if (handles[i] == null) handles[i] = new int[trace.ledger().addressCount()];
        return handles[i];
    }
}
