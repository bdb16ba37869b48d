package dev.fundtrace.trace;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.SegmentBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes small transfer graphs readably for trace and rule tests: short names ("S1", "A", "B") stand for deterministic
 * 0x addresses, {@code tx(block, position, from, to, amount)} adds an ETH transfer, and {@link #trace()} runs
 * {@link ChainTracer} over a ledger built in memory with {@link SegmentBuilder} and {@link ChainLedger#of}.
 */
public final class LedgerFixture {

    public static final String ETH = "ETH";
    /** A token contract used by tests. */
    public static final String TOKEN = "0x00000000000000000000000000000000000070c1";
    static final String TOKEN2 = "0x00000000000000000000000000000000000070c2";
    static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final List<Transfer> transfers = new ArrayList<>();
    private final Set<String> seeds = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();
    private final Map<String, BigInteger> dust = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private int maxHops = 4;

    /** The deterministic address of a short name: the name's bytes, hex, left-padded to 20 bytes. */
    public static String addr(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > 20) throw new IllegalArgumentException("name length: " + name);
        String hex = HexFormat.of().formatHex(b);
        return "0x" + "0".repeat(40 - hex.length()) + hex;
    }

    /** The name behind an address this fixture handed out (or the address itself). */
    String name(String address) {
        return names.getOrDefault(address, address);
    }

    private String a(String name) {
        String x = addr(name);
        names.put(x, name);
        return x;
    }

    public static String txHash(long block, int position) {
        return "0x" + String.format("%064x", block * 1_000_000L + position);
    }

    /** A top-level ETH transaction with value, receipt status success. */
    public LedgerFixture tx(long block, int position, String from, String to, long amount) {
        return tx(block, position, from, to, BigInteger.valueOf(amount));
    }

    public LedgerFixture tx(long block, int position, String from, String to, BigInteger amount) {
        return add(ETH, block, position, 0, from, to, amount, TransferKind.NATIVE);
    }

    /** An internal call with value inside transaction (block, position); {@code sub} is its rank, > 0. */
    LedgerFixture internal(long block, int position, int sub, String from, String to, long amount) {
        if (sub <= 0) throw new IllegalArgumentException("internal calls have sub-position > 0");
        return add(ETH, block, position, sub, from, to, BigInteger.valueOf(amount), TransferKind.INTERNAL);
    }

    /** A top-level transaction with value whose receipt status is 0: moves nothing. */
    public LedgerFixture reverted(long block, int position, String from, String to, long amount) {
        return add(ETH, block, position, 0, from, to, BigInteger.valueOf(amount), TransferKind.REVERTED);
    }

    /** An ERC-20 Transfer log of {@code token} at (block, logIndex). */
    public LedgerFixture token(String token, long block, int logIndex, String from, String to, long amount) {
        return token(token, block, logIndex, from, to, BigInteger.valueOf(amount));
    }

    LedgerFixture token(String token, long block, int logIndex, String from, String to, BigInteger amount) {
        return add(token, block, logIndex, 0, from, to, amount, TransferKind.TOKEN);
    }

    LedgerFixture add(String asset, long block, int position, int sub, String from, String to, BigInteger amount,
                      TransferKind kind) {
        transfers.add(new Transfer(Chain.ETHEREUM, asset, txHash(block, position), block, position, sub,
                Instant.ofEpochSecond(1_600_000_000L + 12 * block), a(from), a(to), amount, kind));
        return this;
    }

    /** Adds a transfer already built (e.g. the same one twice). */
    LedgerFixture add(Transfer t) {
        transfers.add(t);
        return this;
    }

    List<Transfer> transfers() { return transfers; }

    public LedgerFixture seeds(String... names) {
        for (String n : names) seeds.add(a(n));
        return this;
    }

    public LedgerFixture services(String... names) {
        for (String n : names) services.add(a(n));
        return this;
    }

    public LedgerFixture maxHops(int h) {
        maxHops = h;
        return this;
    }

    public LedgerFixture dust(String asset, long raw) {
        dust.put(asset, BigInteger.valueOf(raw));
        return this;
    }

    ChainLedger ledger() {
        SegmentBuilder b = new SegmentBuilder(Chain.ETHEREUM);
        for (Transfer t : transfers) b.add(t);
        return ChainLedger.of(b);
    }

    public Result trace() {
        ChainLedger ledger = ledger();
        ChainTrace trace = new ChainTracer(ledger).trace(seeds, services, new TraceParameters(true, true, maxHops, dust));
        return new Result(this, trace);
    }

    /** The outcome of a trace, read back by names. */
    public static final class Result {
        final LedgerFixture fixture;
        final ChainTrace trace;

        Result(LedgerFixture fixture, ChainTrace trace) {
            this.fixture = fixture;
            this.trace = trace;
        }

        public ChainTrace chainTrace() { return trace; }

        /** The asset's trace, or null when the asset was not traced (no seed took part). */
        AssetTrace asset(String asset) {
            for (AssetTrace a : trace.assets()) if (a.asset().equals(asset)) return a;
            return null;
        }

        AssetTrace eth() {
            AssetTrace a = asset(ETH);
            if (a == null) throw new AssertionError("ETH not traced");
            return a;
        }

        private int local(AssetTrace a, String name) {
            return trace.local(a, addr(name));
        }

        /** name -> hop of every address reached in this direction. */
        Map<String, Integer> hops(String asset, Direction d) {
            Map<String, Integer> out = new TreeMap<>();
            AssetTrace a = asset(asset);
            if (a == null) return out;
            Reach r = trace.reach(a, d);
            for (int v = 0; v < a.graph().n; v++) {
                if (r.hop(v) > 0) out.put(fixture.name(trace.address(a, v)), r.hop(v));
            }
            return out;
        }

        Map<String, Integer> hops() { return hops(ETH, Direction.FORWARD); }

        Map<String, Integer> backHops() { return hops(ETH, Direction.BACKWARD); }

        Set<String> reached() { return new TreeSet<>(hops().keySet()); }

        int hop(String name) { return hop(ETH, name); }

        int hop(String asset, String name) {
            AssetTrace a = asset(asset);
            int v = local(a, name);
            return v < 0 ? 0 : a.forward().hop(v);
        }

        /** Haircut taint received, raw units, exact (0 for unknown addresses). */
        BigInteger received(String name) { return received(ETH, name); }

        BigInteger received(String asset, String name) {
            AssetTrace a = asset(asset);
            if (a == null) return BigInteger.ZERO;
            int v = local(a, name);
            return v < 0 ? BigInteger.ZERO : a.taint().received(v);
        }

        BigInteger leftHorizon() { return eth().taint().leftHorizon(); }

        BigInteger returnedToSeeds() { return eth().taint().returnedToSeeds(); }

        /** Backward amount of a funding source (null when not reached backward). */
        BigInteger backAmount(String name) { return backAmount(ETH, name); }

        BigInteger backAmount(String asset, String name) {
            AssetTrace a = asset(asset);
            int v = local(a, name);
            return v < 0 ? null : a.backwardAmounts()[v];
        }

        /** The representative chain for name as evidence, in the order money moved. */
        Flow flow(String name, Direction d) { return flow(ETH, name, d); }

        Flow flow(String asset, String name, Direction d) {
            AssetTrace a = asset(asset);
            return trace.flow("F1", a, d, local(a, name), dev.fundtrace.labels.LabelBook.empty());
        }

        /** The representative chain as "block:position[.sub] FROM>TO" strings. */
        List<String> path(String name, Direction d) {
            List<String> out = new ArrayList<>();
            for (FlowStep s : flow(name, d).path()) {
                out.add(s.blockNumber() + ":" + s.position() + (s.subPosition() == 0 ? "" : "." + s.subPosition())
                        + " " + fixture.name(s.from()) + ">" + fixture.name(s.to()));
            }
            return out;
        }

        List<String> path(String name) { return path(name, Direction.FORWARD); }
    }
}
