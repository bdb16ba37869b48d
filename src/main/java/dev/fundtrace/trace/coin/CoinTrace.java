package dev.fundtrace.trace.coin;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.FlowStep;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The result of a coin-level trace of one UTXO chain, read-only. Coins, transactions, inputs and addresses are the
 * ledger's int ids. Forward: coin hops and taints, transaction hops, the reached addresses and where the rest of the
 * taint went. Backward: coin hops and the funding sources. Flows and exposures are made on request.
 */
public final class CoinTrace implements dev.fundtrace.trace.TracedChain {

    private static final int DECIMALS = 8;

    private final CoinLedger ledger;
    private final CoinTraceParameters parameters;
    private final AddressRoles roles;
    private final ForwardTaint forward;
    private final BackwardReach backward;
    private final ReachedAddresses reachedForward;
    private final ReachedAddresses reachedBackward;
    private final CoinPaths paths;
    private final List<Cluster> clusters;

    CoinTrace(CoinLedger ledger, CoinTraceParameters parameters, AddressRoles roles, ForwardTaint forward,
              BackwardReach backward, List<Cluster> clusters) {
        this.ledger = ledger;
        this.parameters = parameters;
        this.roles = roles;
        this.forward = forward;
        this.backward = backward;
        this.reachedForward = ReachedAddresses.forward(ledger, roles, forward);
        this.reachedBackward = ReachedAddresses.backward(ledger, roles, backward);
        this.paths = new CoinPaths(ledger, roles, forward, backward);
        this.clusters = List.copyOf(clusters);
    }

    public CoinLedger ledger() { return ledger; }

    public String chain() { return ledger.chain().id(); }

    public int maxHops() { return parameters.maxHops(); }

    public boolean tracedForward() { return parameters.forward(); }

    public boolean tracedBackward() { return parameters.backward(); }

    // roles

    /** A designated seed, or (with extendSeeds) an address of a seed's cluster. */
    public boolean isSeed(int address) { return roles.isSeed(address); }

    /** A labelled address that is not a seed: reached like any address, but it never passes taint on. */
    public boolean isService(int address) { return roles.isService(address); }

    // coins and transactions, forward

    /** -1 clean, 0 seed coin, 1..maxHops tainted (also a tainted coin whose share is 0). */
    public int coinHop(int coin) { return forward.coinHop[coin]; }

    /** A tainted coin's haircut share, a seed coin's whole known value; ZERO when clean. */
    public BigInteger coinTaint(int coin) { return BigInteger.valueOf(forward.coinTaint[coin]); }

    /** Whether input {@code input} passes taint: its coin is a seed coin, or tainted and not held by a service. */
    public boolean passes(int input) { return forward.passes(ledger.inputCoin(input)); }

    /** h(T) of a transaction with a passing input, even above maxHops; -1 when it has none. */
    public int txHop(int tx) { return forward.txHop[tx]; }

    /** It has a passing input and {@code h(T) <= maxHops}: its outputs (but seed coins and dust) are tainted. */
    public boolean txTainted(int tx) {
        int h = forward.txHop[tx];
        return h >= 1 && h <= parameters.maxHops();
    }

    // coins, backward

    /** -1 when the coin is not in the backward set, else its smallest backward hop. */
    public int backwardCoinHop(int coin) { return backward.coinHop[coin]; }

    // addresses

    /** Smallest hop of the address's tainted coins; 0 when it holds none (and for seeds). */
    public int forwardHop(int address) { return reachedForward.hop[address]; }

    /** The sum of the taints of its tainted coins. */
    public BigInteger forwardAmount(int address) { return reachedForward.amount(address); }

    /** Its representative coin: smallest hop, then earliest (block, position, vout); -1 when not reached. */
    public int forwardEvidenceCoin(int address) { return reachedForward.evidenceCoin[address]; }

    /** Smallest backward hop of its coins; 0 when it is not a funding source. */
    public int backwardHop(int address) { return reachedBackward.hop[address]; }

    /** The sum of the known values of its coins in the backward set, each coin once. */
    public BigInteger backwardAmount(int address) { return reachedBackward.amount(address); }

    /** Smallest backward hop, then spent earliest by (block, position, input index); -1 when not reached. */
    public int backwardEvidenceCoin(int address) { return reachedBackward.evidenceCoin[address]; }

    /** Address ids reached forward, ascending. */
    public IntStream forwardReached() { return reachedForward.addresses(); }

    /** Address ids reached backward (funding sources), ascending. */
    public IntStream backwardReached() { return reachedBackward.addresses(); }

    // where the rest of the taint went

    /** Taint of transactions beyond maxHops, plus the shares of dust outputs. */
    public BigInteger leftHorizon() { return forward.leftHorizon.value(); }

    /** Shares of outputs that seeds hold (those stay seed coins). */
    public BigInteger returnedToSeeds() { return forward.returnedToSeeds.value(); }

    /** TT minus the outputs' shares: the fee's share and the rounding remainders. */
    public BigInteger toFees() { return forward.toFees.value(); }

    // evidence

    /**
     * The representative chain behind one reached address, in the order the money moved. Forward: utxo.md's
     * "Flow path", from a seed coin to the address's evidence coin; {@code seed} is that seed coin's holder.
     * Backward: from the address's evidence coin to a seed coin, as {@link CoinPaths} describes; {@code seed} is
     * the holder of the seed coin it ends at. Steps carry the created coin's value and, forward, its taint.
     *
     * @throws IllegalArgumentException when {@code d} did not reach {@code address}
     */
    public Flow flow(String id, Direction d, int address, LabelBook labels) {
        boolean fwd = d == Direction.FORWARD;
        ReachedAddresses r = fwd ? reachedForward : reachedBackward;
        if (!r.reached(address)) {
            throw new IllegalArgumentException(ledger.address(address) + " was not reached " + d.id());
        }
        int coin = r.evidenceCoin[address];
        List<CoinStep> chainOfCoins = fwd ? paths.forward(coin) : paths.backward(coin);
        List<FlowStep> steps = new ArrayList<>(chainOfCoins.size());
        for (CoinStep s : chainOfCoins) steps.add(flowStep(s, fwd));
        int seedCoin = fwd ? chainOfCoins.get(0).spent() : chainOfCoins.get(chainOfCoins.size() - 1).created();
        String endpoint = ledger.address(address);
        Optional<Label> label = labels.find(chain(), endpoint);
        String asset = ledger.chain().nativeAsset();
        return new Flow(id, d, chain(), asset, asset, DECIMALS, ledger.address(ledger.holder(seedCoin)), endpoint,
                label.map(Label::label).orElse(null), label.map(Label::category).orElse(null), r.hop[address],
                r.amount(address), steps);
    }

    private FlowStep flowStep(CoinStep s, boolean fwd) {
        int t = s.tx();
        long value = ledger.value(s.created());
        long time = ledger.time(t);
        return new FlowStep(ledger.txHash(t), ledger.block(t), ledger.position(t), 0, holderOrNull(s.spent()),
                holderOrNull(s.created()), value < 0 ? null : BigInteger.valueOf(value),
                time < 0 ? null : Instant.ofEpochSecond(time), fwd ? coinTaint(s.created()) : null,
                ledger.outpoint(s.spent()), ledger.outpoint(s.created()));
    }

    private String holderOrNull(int coin) {
        int a = ledger.holder(coin);
        return a == CoinLedger.NO_HOLDER ? null : ledger.address(a);
    }

    /**
     * Every reached address as an exposure: forward first, then backward, each in byte order of the address.
     * {@code seed} is the seed of its flow; {@code evidence} its representative coin.
     */
    @Override
    public void forEachExposure(LabelBook labels, java.util.function.Consumer<Exposure> each) {
        forEachExposure(each, Direction.FORWARD, reachedForward, labels);
        forEachExposure(each, Direction.BACKWARD, reachedBackward, labels);
    }

    private void forEachExposure(java.util.function.Consumer<Exposure> out, Direction d, ReachedAddresses r, LabelBook labels) {
        String asset = ledger.chain().nativeAsset();
        int[] byAddress = r.addresses().boxed().sorted(Comparator.comparing(ledger::address))
                .mapToInt(Integer::intValue).toArray();
        for (int a : byAddress) {
            int coin = r.evidenceCoin[a];
            int seed = d == Direction.FORWARD ? paths.forwardSeed(coin) : paths.backwardSeed(coin);
            String address = ledger.address(a);
            Optional<Label> label = labels.find(chain(), address);
            out.accept(new Exposure(d, chain(), asset, address, r.hop[a], r.amount(a), ledger.address(seed),
                    label.map(Label::label).orElse(null), label.map(Label::category).orElse(null),
                    List.of(ledger.outpoint(coin))));
        }
    }

    /** How many records {@link #exposures} makes, without making them. */
    public int exposureCount() { return reachedForward.count() + reachedBackward.count(); }

    /** Distinct addresses reached in either direction. */
    public int reachedAddresses() {
        int n = 0;
        for (int a = 0; a < ledger.addressCount(); a++) if (reachedForward.reached(a) || reachedBackward.reached(a)) n++;
        return n;
    }

    /** The seeds' clusters (empty unless clustering is enabled), ordered by their first seed. */
    public List<Cluster> clusters() { return clusters; }
}
