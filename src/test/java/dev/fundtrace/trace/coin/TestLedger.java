package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.ledger.coin.CoinLedger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a real {@link CoinLedger} from named transactions: {@code tx("b", in("a:0")).out("X", 5)}. A transaction's
 * txid is its name's bytes in hex, padded to 64 digits; coins are named {@code "tx:vout"}. Inputs are added once
 * all transactions are known, so a block may list a child before its parent.
 */
final class TestLedger {

    /** What one input spends. */
    sealed interface Input permits Loaded, External, Shielded {}

    record Loaded(String coin) implements Input {}

    record External(String txName, int vout, long value, String holder) implements Input {}

    record Shielded(long value) implements Input {}

    static Input in(String coin) { return new Loaded(coin); }

    /** A coin from before the export, value and holder from the input's enrichment (UNKNOWN / null when absent). */
    static Input ext(String txName, int vout, long value, String holder) { return new External(txName, vout, value, holder); }

    static Input shielded(long value) { return new Shielded(value); }

    private final CoinLedger.Builder builder;
    private final Map<String, Integer> txs = new HashMap<>();
    private final Map<String, Integer> coins = new HashMap<>();
    private final List<Object[]> inputs = new ArrayList<>();
    private long block = 100;
    private int position = 0;
    private CoinLedger built;

    TestLedger() {
        this(Chain.BITCOIN);
    }

    TestLedger(Chain chain) {
        builder = CoinLedger.builder(chain);
    }

    static String txid(String name) {
        return String.format("%064x", new BigInteger(1, name.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The next transactions go into block {@code number}: a new block's positions start at 0. */
    TestLedger block(long number) {
        if (number != block) position = 0;
        block = number;
        return this;
    }

    Tx coinbase(String name) {
        return add(name, true, List.of());
    }

    Tx tx(String name, Input... spends) {
        return add(name, false, List.of(spends));
    }

    private Tx add(String name, boolean coinbase, List<Input> spends) {
        int t = builder.transaction(txid(name), block, position++, 1_600_000_000L + block * 600, coinbase);
        txs.put(name, t);
        for (Input i : spends) inputs.add(new Object[] {t, i});
        return new Tx(name, t);
    }

    final class Tx {
        private final String name;
        private final int id;
        private int vout;

        private Tx(String name, int id) {
            this.name = name;
            this.id = id;
        }

        Tx out(String holder, long value) {
            coins.put(name + ":" + vout++, builder.output(id, value, holder));
            return this;
        }
    }

    CoinLedger build() {
        if (built != null) return built;
        for (Object[] pending : inputs) {
            int t = (int) pending[0];
            switch ((Input) pending[1]) {
                case Loaded l -> {
                    Integer c = coins.get(l.coin());
                    if (c == null) throw new IllegalArgumentException("no coin " + l.coin());
                    builder.inputSpending(t, c);
                }
                case External e -> builder.inputSpendingExternal(t, txid(e.txName()), e.vout(), e.value(), e.holder());
                case Shielded s -> builder.inputShielded(t, s.value());
            }
        }
        built = builder.build(new CoinCoverage(-1, -1, -1, -1, 0, 0, 0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO));
        return built;
    }

    int coin(String name) {
        build();
        Integer c = coins.get(name);
        if (c == null) throw new IllegalArgumentException("no coin " + name);
        return c;
    }

    int tx(String name) {
        return txs.get(name);
    }

    int address(String holder) {
        int id = build().addressId(holder);
        if (id < 0) throw new IllegalArgumentException("no address " + holder);
        return id;
    }

    String outpoint(String coin) {
        String[] parts = coin.split(":");
        return txid(parts[0]) + ":" + parts[1];
    }
}
