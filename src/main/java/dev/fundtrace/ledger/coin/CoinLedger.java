package dev.fundtrace.ledger.coin;

import dev.fundtrace.ledger.Chain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * One UTXO chain's loaded transactions, as the coin trace and the UTXO flag rules read them: a chain family's
 * loader fills it through {@link Builder}, and it is read-only afterwards. Everything is a dense int id:
 * <ul>
 *   <li>transactions {@code 0..txCount()-1} in (block, position) order;</li>
 *   <li>coins: the outputs of loaded transactions first ({@code txOutputStart(t) + vout}), then the coins that
 *       inputs spend from before the export (external coins, value and holder from the input's enrichment,
 *       when it had any), then one pseudo-coin per shielded Zcash input (a clean value with no holder);</li>
 *   <li>inputs, contiguous per transaction in input order; each spends exactly one coin;</li>
 *   <li>addresses (holders) in canonical form; -1 is "addressless".</li>
 * </ul>
 * Values are satoshi-like integer units in a long (a single coin never comes near 2^63).
 */
public final class CoinLedger {

    /** A value or holder the export does not state. */
    public static final long UNKNOWN = -1;
    public static final int NO_HOLDER = -1;

    private final Chain chain;
    private final int txCount;
    private final byte[] txHash;
    private final long[] txBlock;
    private final int[] txPosition;
    private final long[] txTime;
    private final boolean[] coinbase;
    private final int[] txInputStart;
    private final int[] txOutputStart;
    private final int[] inputCoin;
    private final int[] inputTx;
    private final int outputCount;
    private final long[] coinValue;
    private final int[] coinHolder;
    private final int[] coinTx;
    private final int[] coinSpender;
    private final byte[] externalHash;
    private final int[] externalVout;
    private final String[] addresses;
    /** address → id, built on the first {@link #addressId} (only seeds and labels are looked up by text) */
    private volatile Map<String, Integer> addressIds;
    /** the loader's own address → id lookup, when it gave one; then {@link #addressIds} is never built */
    private final ToIntFunction<String> addressIndex;
    private final int[] spendOrder;
    private final CoinCoverage coverage;

    private CoinLedger(Builder b, CoinCoverage coverage) {
        this.chain = b.chain;
        this.txCount = b.txCount;
        // a builder sized for its ledger hands its arrays over; the builder is not used after build()
        this.txHash = fit(b.txHash, txCount * 32);
        this.txBlock = fit(b.txBlock, txCount);
        this.txPosition = fit(b.txPosition, txCount);
        this.txTime = fit(b.txTime, txCount);
        this.coinbase = b.coinbase.length == txCount ? b.coinbase : Arrays.copyOf(b.coinbase, txCount);
        this.outputCount = b.outputCount;
        this.txOutputStart = fit(b.txOutputStart, txCount + 1);
        this.txOutputStart[txCount] = outputCount;
        int coins = outputCount + b.externalCount;
        this.coinValue = new long[coins];
        this.coinHolder = new int[coins];
        this.coinTx = new int[coins];
        System.arraycopy(b.outputValue, 0, coinValue, 0, outputCount);
        System.arraycopy(b.outputHolder, 0, coinHolder, 0, outputCount);
        for (int t = 0; t < txCount; t++) Arrays.fill(coinTx, txOutputStart[t], txOutputStart[t + 1], t);
        System.arraycopy(b.externalValue, 0, coinValue, outputCount, b.externalCount);
        System.arraycopy(b.externalHolder, 0, coinHolder, outputCount, b.externalCount);
        Arrays.fill(coinTx, outputCount, coins, -1);
        this.externalHash = Arrays.copyOf(b.externalHash, b.externalCount * 32);
        this.externalVout = Arrays.copyOf(b.externalVout, b.externalCount);
        // inputs may have been added in any transaction order: a stable counting sort makes them contiguous per
        // transaction, unless they already are
        int inputs = b.inputCount;
        this.txInputStart = new int[txCount + 1];
        boolean inOrder = true;
        for (int i = 0; i < inputs; i++) {
            txInputStart[b.inputTx[i] + 1]++;
            if (i > 0 && b.inputTx[i] < b.inputTx[i - 1]) inOrder = false;
        }
        for (int t = 0; t < txCount; t++) txInputStart[t + 1] += txInputStart[t];
        if (inOrder) {
            this.inputCoin = fit(b.inputCoin, inputs);
            this.inputTx = fit(b.inputTx, inputs);
        } else {
            int[] next = Arrays.copyOf(txInputStart, txCount);
            this.inputCoin = new int[inputs];
            this.inputTx = new int[inputs];
            for (int i = 0; i < inputs; i++) {
                int at = next[b.inputTx[i]]++;
                inputCoin[at] = b.inputCoin[i];
                inputTx[at] = b.inputTx[i];
            }
        }
        this.coinSpender = new int[coins];
        Arrays.fill(coinSpender, -1);
        for (int i = 0; i < inputs; i++) {
            int c = inputCoin[i];
            if (coinSpender[c] >= 0) throw new IllegalStateException("coin " + outpoint(c) + " is spent twice");
            coinSpender[c] = i;
        }
        this.addresses = b.addresses.toArray(String[]::new);
        this.addressIds = b.addressIds;
        this.addressIndex = b.addressIndex;
        this.spendOrder = spendOrder();
        this.coverage = coverage;
    }

    public static Builder builder(Chain chain) {
        return new Builder(chain, 1024, 1024, 1024);
    }

    /** A builder sized for about this many transactions, outputs and inputs (it grows past them). */
    public static Builder builder(Chain chain, int transactions, int outputs, int inputs) {
        return new Builder(chain, Math.max(transactions, 16), Math.max(outputs, 16), Math.max(inputs, 16));
    }

    private static Map<String, Integer> index(String[] addresses) {
        Map<String, Integer> ids = HashMap.newHashMap(addresses.length);
        for (int i = 0; i < addresses.length; i++) ids.put(addresses[i], i);
        return ids;
    }

    private static long[] fit(long[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    private static int[] fit(int[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    private static byte[] fit(byte[] a, int n) { return a.length == n ? a : Arrays.copyOf(a, n); }

    public Chain chain() { return chain; }

    public CoinCoverage coverage() { return coverage; }

    // transactions

    public int txCount() { return txCount; }

    public String txHash(int t) { return HexFormat.of().formatHex(txHash, t * 32, t * 32 + 32); }

    public long block(int t) { return txBlock[t]; }

    public int position(int t) { return txPosition[t]; }

    /** Block time in unix seconds, or -1 when the export gave none. */
    public long time(int t) { return txTime[t]; }

    public boolean isCoinbase(int t) { return coinbase[t]; }

    public int inputStart(int t) { return txInputStart[t]; }

    public int inputEnd(int t) { return txInputStart[t + 1]; }

    /** Coin id of output {@code vout} of {@code t} is {@code outputStart(t) + vout}. */
    public int outputStart(int t) { return txOutputStart[t]; }

    public int outputEnd(int t) { return txOutputStart[t + 1]; }

    /**
     * Every transaction once, each after the transactions whose coins it spends: (block, position) order, except
     * where a block lists a child before its parent (Bitcoin Cash orders blocks by txid).
     */
    public int[] spendOrder() {
        return spendOrder == null ? computeSpendOrder() : spendOrder.clone();
    }

    /** The k-th transaction of {@link #spendOrder()}, without a copy of the order. */
    public int spendOrderAt(int k) {
        return spendOrder[k];
    }

    // inputs

    public int inputCount() { return inputCoin.length; }

    public int inputCoin(int i) { return inputCoin[i]; }

    public int inputTx(int i) { return inputTx[i]; }

    // coins

    public int coinCount() { return coinValue.length; }

    /** How many coins are outputs of loaded transactions (ids below this). */
    public int outputCount() { return outputCount; }

    /** Value in the chain's smallest unit, or {@link #UNKNOWN}. */
    public long value(int c) { return coinValue[c]; }

    /** Holder address id, or {@link #NO_HOLDER} for addressless coins (and unknown holders). */
    public int holder(int c) { return coinHolder[c]; }

    /** The loaded transaction that created the coin, or -1 for a coin from before the export. */
    public int creator(int c) { return coinTx[c]; }

    /** The input that spends the coin, or -1 while it is unspent. */
    public int spender(int c) { return coinSpender[c]; }

    /** The coin's output index, or -1 for a shielded pseudo-coin. */
    public int vout(int c) {
        return c < outputCount ? c - txOutputStart[coinTx[c]] : externalVout[c - outputCount];
    }

    /** {@code txid:vout}, or null for a shielded pseudo-coin. */
    public String outpoint(int c) {
        if (c < outputCount) return txHash(coinTx[c]) + ":" + vout(c);
        int e = c - outputCount;
        if (externalVout[e] < 0) return null;
        return HexFormat.of().formatHex(externalHash, e * 32, e * 32 + 32) + ":" + externalVout[e];
    }

    // addresses

    public int addressCount() { return addresses.length; }

    public String address(int id) { return addresses[id]; }

    /** The id of an address in canonical form, or -1 when no loaded coin is held by it. */
    public int addressId(String canonical) {
        if (addressIndex != null) return addressIndex.applyAsInt(canonical);
        Map<String, Integer> ids = addressIds;
        if (ids == null) addressIds = ids = index(addresses);
        Integer id = ids.get(canonical);
        return id == null ? -1 : id;
    }

    private int[] computeSpendOrder() {
        int[] order = new int[txCount];
        int n = 0;
        for (int a = 0; a < txCount; ) {
            int b = a;
            while (b < txCount && txBlock[b] == txBlock[a]) b++;
            n = orderBlock(a, b, order, n);
            a = b;
        }
        return order;
    }

    /** Kahn's algorithm inside one block [a, b), by position where the spending links allow it. */
    private int orderBlock(int a, int b, int[] order, int n) {
        int[] pending = new int[b - a];
        boolean anyLink = false;
        for (int t = a; t < b; t++) {
            for (int i = txInputStart[t]; i < txInputStart[t + 1]; i++) {
                int parent = coinTx[inputCoin[i]];
                if (parent >= a && parent < b && parent != t) { pending[t - a]++; anyLink = true; }
            }
        }
        if (!anyLink) {
            for (int t = a; t < b; t++) order[n++] = t;
            return n;
        }
        IntMinHeap ready = new IntMinHeap(b - a);
        for (int t = a; t < b; t++) if (pending[t - a] == 0) ready.add(t);
        int placed = 0;
        while (!ready.isEmpty()) {
            int t = ready.poll();
            order[n++] = t;
            placed++;
            for (int c = txOutputStart[t]; c < txOutputStart[t + 1]; c++) {
                int s = coinSpender[c];
                if (s < 0) continue;
                int child = inputTx[s];
                if (child >= a && child < b && --pending[child - a] == 0) ready.add(child);
            }
        }
        if (placed != b - a) throw new IllegalStateException("block " + txBlock[a] + " spends in a cycle");
        return n;
    }

    /**
     * Fills a ledger. Transactions come in (block, position) order, each with its outputs right after it (in
     * vout order); inputs may be added later and in any transaction order (a block's children may be read
     * before their parents), but in input order within a transaction. The loader resolves outpoints itself
     * (it knows which coin a BIP30 duplicate replaced) and refuses bad rows before they get here.
     */
    public static final class Builder {
        private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        private final Chain chain;
        private int txCount, outputCount, externalCount, inputCount;
        private byte[] txHash;
        private long[] txBlock, txTime;
        private int[] txPosition, txOutputStart;
        private boolean[] coinbase;
        private long[] outputValue;
        private int[] outputHolder;
        private long[] externalValue = new long[256];
        private int[] externalHolder = new int[256], externalVout = new int[256];
        private byte[] externalHash = new byte[32 * 256];
        private final Map<ExternalKey, Integer> externalIds = new HashMap<>();
        private int[] inputTx, inputCoin;
        private final List<String> addresses = new ArrayList<>();
        /** null while holders come only through {@link #newHolder} */
        private Map<String, Integer> addressIds;
        private ToIntFunction<String> addressIndex;
        private int lastTx = -1;

        private Builder(Chain chain, int transactions, int outputs, int inputs) {
            this.chain = chain;
            txHash = new byte[32 * transactions];
            txBlock = new long[transactions];
            txTime = new long[transactions];
            txPosition = new int[transactions];
            txOutputStart = new int[transactions + 1];
            coinbase = new boolean[transactions];
            outputValue = new long[outputs];
            outputHolder = new int[outputs];
            inputTx = new int[inputs];
            inputCoin = new int[inputs];
        }

        /** Adds a transaction; returns its id. {@code txid} is 64 hex digits, {@code time} unix seconds or -1. */
        public int transaction(String txid, long block, int position, long time, boolean isCoinbase) {
            return transaction(hexBytes(txid), block, position, time, isCoinbase);
        }

        /** Adds a transaction by the 32 bytes of its txid (in the order the hex writes them); returns its id. */
        public int transaction(byte[] txid, long block, int position, long time, boolean isCoinbase) {
            int t = nextTransaction(block, position, () -> HexFormat.of().formatHex(txid));
            System.arraycopy(txid, 0, txHash, t * 32, 32);
            return fill(t, block, position, time, isCoinbase);
        }

        /** As {@link #transaction(byte[], long, int, long, boolean)}, the txid as four longs {@code words[at..at+4)}, big-endian. */
        public int transaction(long[] words, int at, long block, int position, long time, boolean isCoinbase) {
            int t = nextTransaction(block, position, () -> String.format("%016x%016x%016x%016x", words[at], words[at + 1], words[at + 2], words[at + 3]));
            for (int k = 0; k < 4; k++) BIG_ENDIAN_LONGS.set(txHash, t * 32 + 8 * k, words[at + k]);
            return fill(t, block, position, time, isCoinbase);
        }

        private int nextTransaction(long block, int position, java.util.function.Supplier<String> txid) {
            if (txCount > 0 && (block < txBlock[txCount - 1]
                    || (block == txBlock[txCount - 1] && position <= txPosition[txCount - 1]))) {
                throw new IllegalArgumentException("transactions must come in (block, position) order: " + txid.get());
            }
            int t = txCount++;
            if (t == txBlock.length) {
                int n = t * 2;
                txBlock = Arrays.copyOf(txBlock, n);
                txTime = Arrays.copyOf(txTime, n);
                txPosition = Arrays.copyOf(txPosition, n);
                coinbase = Arrays.copyOf(coinbase, n);
                txOutputStart = Arrays.copyOf(txOutputStart, n + 1);
                txHash = Arrays.copyOf(txHash, n * 32);
            }
            return t;
        }

        private int fill(int t, long block, int position, long time, boolean isCoinbase) {
            txBlock[t] = block;
            txPosition[t] = position;
            txTime[t] = time;
            coinbase[t] = isCoinbase;
            txOutputStart[t] = outputCount;
            lastTx = t;
            return t;
        }

        /** Adds the next output of {@code tx} (the last transaction added); returns its coin id. */
        public int output(int tx, long value, String holder) {
            return output(tx, value, holderId(holder));
        }

        /** As {@link #output(int, long, String)}, the holder by its id from {@link #holder}, or {@link #NO_HOLDER}. */
        public int output(int tx, long value, int holder) {
            if (tx != lastTx) throw new IllegalArgumentException("outputs must follow their transaction");
            if (outputCount == outputValue.length) {
                outputValue = Arrays.copyOf(outputValue, outputCount * 2);
                outputHolder = Arrays.copyOf(outputHolder, outputCount * 2);
            }
            outputValue[outputCount] = value;
            outputHolder[outputCount] = holder;
            return outputCount++;
        }

        /** The next input of {@code tx} spends the loaded coin {@code coin} (an output id). */
        public void inputSpending(int tx, int coin) {
            addInput(tx, coin);
        }

        /**
         * The next input of {@code tx} spends a coin from before the export: {@code value} ({@link #UNKNOWN} when
         * not enriched) and {@code holder} (null when addressless or unknown) come from the input itself.
         */
        public void inputSpendingExternal(int tx, String txid, int vout, long value, String holder) {
            inputSpendingExternal(tx, hexBytes(txid), vout, value, holder);
        }

        /** As {@link #inputSpendingExternal(int, String, int, long, String)}, by the 32 bytes of the txid. */
        public void inputSpendingExternal(int tx, byte[] txid, int vout, long value, String holder) {
            inputSpendingExternal(tx, txid, vout, value, holderId(holder));
        }

        /** As {@link #inputSpendingExternal(int, byte[], int, long, String)}, the holder by its id from {@link #holder}. */
        public void inputSpendingExternal(int tx, byte[] txid, int vout, long value, int holder) {
            ExternalKey key = ExternalKey.of(txid, vout);
            Integer e = externalIds.get(key);
            if (e == null) {
                e = external(value, holder, vout);
                System.arraycopy(txid, 0, externalHash, e * 32, 32);
                externalIds.put(key, e);
            }
            addInput(tx, -1 - e);
        }

        /** The next input of {@code tx} is shielded (Zcash): a clean value with no holder and no outpoint. */
        public void inputShielded(int tx, long value) {
            addInput(tx, -1 - external(value, NO_HOLDER, -1));
        }

        private int external(long value, int holder, int vout) {
            int e = externalCount++;
            if (e == externalValue.length) {
                externalValue = Arrays.copyOf(externalValue, e * 2);
                externalHolder = Arrays.copyOf(externalHolder, e * 2);
                externalVout = Arrays.copyOf(externalVout, e * 2);
                externalHash = Arrays.copyOf(externalHash, e * 2 * 32);
            }
            externalValue[e] = value;
            externalHolder[e] = holder;
            externalVout[e] = vout;
            return e;
        }

        private void addInput(int tx, int coinOrExternal) {
            if (inputCount == inputTx.length) {
                inputTx = Arrays.copyOf(inputTx, inputCount * 2);
                inputCoin = Arrays.copyOf(inputCoin, inputCount * 2);
            }
            inputTx[inputCount] = tx;
            inputCoin[inputCount] = coinOrExternal;
            inputCount++;
        }

        private static byte[] hexBytes(String hex) {
            if (hex.length() < 64) throw new IllegalArgumentException("not a 64-hex-digit hash: " + hex);
            byte[] out = new byte[32];
            for (int i = 0; i < 32; i++) out[i] = (byte) HexFormat.fromHexDigits(hex, 2 * i, 2 * i + 2);
            return out;
        }

        /** An external coin's outpoint as a map key: the txid's four words and the output index. */
        private record ExternalKey(long a, long b, long c, long d, int vout) {
            static ExternalKey of(byte[] txid, int vout) {
                java.nio.ByteBuffer w = java.nio.ByteBuffer.wrap(txid);
                return new ExternalKey(w.getLong(), w.getLong(), w.getLong(), w.getLong(), vout);
            }
        }

        /** The id of a holder address in canonical form, given on its first use; {@link #NO_HOLDER} for null. */
        public int holder(String canonical) {
            return holderId(canonical);
        }

        /**
         * The id of a holder address in canonical form that was never given to this builder before (the caller
         * knows its addresses apart): no lookup.
         */
        public int newHolder(String canonical) {
            int id = addresses.size();
            addresses.add(canonical);
            if (addressIds != null) addressIds.put(canonical, id);
            return id;
        }

        private int holderId(String holder) {
            if (holder == null) return NO_HOLDER;
            if (addressIds == null) addressIds = index(addresses.toArray(String[]::new));
            Integer id = addressIds.get(holder);
            if (id == null) {
                id = addresses.size();
                addresses.add(holder);
                addressIds.put(holder, id);
            }
            return id;
        }

        /**
         * How the ledger finds an address's id by its canonical form (-1 when it holds no coin), for a loader that
         * keeps such a map already: the ledger then builds none of its own.
         */
        public void addressIndex(ToIntFunction<String> index) {
            this.addressIndex = index;
        }

        /** The number of transactions added so far. */
        public int txCount() { return txCount; }

        public CoinLedger build(CoinCoverage coverage) {
            // external coins were numbered on their own: they follow the outputs
            for (int i = 0; i < inputCount; i++) {
                if (inputCoin[i] < 0) inputCoin[i] = outputCount + (-1 - inputCoin[i]);
            }
            return new CoinLedger(this, coverage);
        }
    }
}
