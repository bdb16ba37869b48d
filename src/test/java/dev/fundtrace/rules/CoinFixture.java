package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.coin.CoinTrace;
import dev.fundtrace.trace.coin.CoinTraceParameters;
import dev.fundtrace.trace.coin.CoinTracer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planted Bitcoin ledger, built with the real {@link CoinLedger.Builder} and traced with the real
 * {@link CoinTracer}. Transactions are named: {@code "p1:0"} is output 0 of the transaction named {@code p1}, and
 * {@link #txid(String)} is its txid. Addresses are the names as written (the ledger does not validate them); a null
 * holder is an addressless output. Transactions are added in (block, position) order, positions counting from 0 in
 * each block. Block {@code b} is at {@code T0 + 600 b} seconds unless {@link #time} says otherwise, so the 1 hour
 * window is 6 blocks and the 1 day window 144.
 */
final class CoinFixture {

    static final long T0 = 1_600_000_000L;
    static final long BLOCK_SECONDS = 600;

    /** 0.001 BTC = 100,000 sat for INDIRECT_EXPOSURE; 0.1 BTC = 10,000,000 sat for STRUCTURING (band from 9,000,000). */
    static final RuleThresholds THRESHOLDS = new RuleThresholds(Map.of("BTC", new java.math.BigDecimal("0.001")),
            Duration.ofHours(1), Map.of("BTC", new java.math.BigDecimal("0.1")), Duration.ofDays(1), 3);

    record Out(String holder, long value) {}

    private record Tx(String name, long block, List<String> inputs, List<Out> outputs) {}

    /** A coin from before the export that an input spends, with the enrichment's value and holder. */
    private record External(String txid, int vout, long value, String holder) {}

    private final List<Tx> txs = new ArrayList<>();
    private final Map<String, External> externals = new HashMap<>();
    private final Map<Long, Long> times = new HashMap<>();
    private final Set<String> seeds = new LinkedHashSet<>(), services = new LinkedHashSet<>();
    private int maxHops = 4;
    private long dust = 0;
    private boolean forward = true, backward = true;

    static Out out(String holder, long value) {
        return new Out(holder, value);
    }

    static List<String> in(String... coins) {
        return List.of(coins);
    }

    /** The txid of the transaction named {@code name}: 64 hex digits, lower-case. */
    static String txid(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A label book with one label; the fixture must name the address as a service too, as the trace step does. */
    static LabelBook labelled(String address, String category) {
        return new LabelBook(List.of(new Label(address, "bitcoin", "Some " + category, category, "test")));
    }

    CoinFixture seeds(String... addresses) {
        seeds.addAll(List.of(addresses));
        return this;
    }

    CoinFixture services(String... addresses) {
        services.addAll(List.of(addresses));
        return this;
    }

    CoinFixture maxHops(int hops) {
        this.maxHops = hops;
        return this;
    }

    CoinFixture forwardOnly() {
        this.backward = false;
        return this;
    }

    /** Block {@code block}'s timestamp, -1 for none. */
    CoinFixture time(long block, long unixSeconds) {
        times.put(block, unixSeconds);
        return this;
    }

    /** A coinbase: no inputs. */
    CoinFixture coinbase(String name, long block, Out... outputs) {
        return tx(name, block, List.of(), outputs);
    }

    /** A transaction spending the named coins ({@code "name:vout"}, or {@code "ext:..."} from {@link #external}). */
    CoinFixture tx(String name, long block, List<String> inputs, Out... outputs) {
        txs.add(new Tx(name, block, inputs, List.of(outputs)));
        return this;
    }

    /** Names a coin from before the export, {@code "ext:<name>"}, held by {@code holder} (null: addressless). */
    CoinFixture external(String name, String holder, long value) {
        externals.put("ext:" + name, new External(txid("ext-" + name), 0, value, holder));
        return this;
    }

    CoinLedger ledger() {
        CoinLedger.Builder b = CoinLedger.builder(Chain.BITCOIN);
        Map<String, Integer> txIds = new HashMap<>();
        Map<String, Integer> coins = new HashMap<>();
        long block = Long.MIN_VALUE;
        int position = 0;
        for (Tx tx : txs) {
            position = tx.block == block ? position + 1 : 0;
            block = tx.block;
            long time = times.getOrDefault(tx.block, T0 + BLOCK_SECONDS * tx.block);
            int t = b.transaction(txid(tx.name), tx.block, position, time, tx.inputs.isEmpty());
            txIds.put(tx.name, t);
            for (int k = 0; k < tx.outputs.size(); k++) {
                coins.put(tx.name + ":" + k, b.output(t, tx.outputs.get(k).value(), tx.outputs.get(k).holder()));
            }
        }
        for (Tx tx : txs) {
            int t = txIds.get(tx.name);
            for (String coin : tx.inputs) {
                External e = externals.get(coin);
                if (e != null) {
                    b.inputSpendingExternal(t, e.txid, e.vout, e.value, e.holder);
                } else {
                    Integer c = coins.get(coin);
                    if (c == null) throw new IllegalArgumentException("no coin " + coin);
                    b.inputSpending(t, c);
                }
            }
        }
        return b.build(new CoinCoverage(-1, -1, -1, -1, 0, txs.size(), 0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO));
    }

    CoinTrace trace() {
        return new CoinTracer().trace(ledger(), seeds, services,
                new CoinTraceParameters(forward, backward, maxHops, dust, false, false));
    }

    /** One rule's flags as the engine makes them. */
    List<Flag> flags(CoinFlagRule rule) {
        return flags(rule, LabelBook.empty(), List.of());
    }

    List<Flag> flags(CoinFlagRule rule, LabelBook labels) {
        return flags(rule, labels, List.of());
    }

    List<Flag> flags(CoinFlagRule rule, LabelBook labels, List<String> sanctionedNotSeeds) {
        return FlagEngine.ofCoinRules(labels, List.of(rule)).evaluate(trace(), sanctionedNotSeeds).flags();
    }

    /** All rules' flags and flows, through the engine the batch builds. */
    FlagResult evaluate(LabelBook labels, List<String> sanctionedNotSeeds) {
        return new FlagEngine(labels, THRESHOLDS).evaluate(trace(), sanctionedNotSeeds);
    }
}
