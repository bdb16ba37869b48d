package dev.fundtrace.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Writes a reproducible bitcoin-etl export of N transactions for chain {@code bitcoin} (bench shape "utxo", issue
 * #14 item 8): {@code blocks.json} and {@code enriched_transactions.json} in one folder, JSON lines with
 * bitcoin-etl's own field names, order and separators (as its {@code export_blocks_and_transactions} +
 * {@code enrich_transactions} write them), about 1.5 KB per transaction. Shape:
 * <ul>
 * <li>blocks of about 2,000 transactions, one coinbase each (index 0, no inputs, a 6.25 BTC + fees output);</li>
 * <li>about 1.5 outputs per transaction, all P2PKH ({@code pubkeyhash}) to Base58Check addresses with a real
 *     checksum, over N/2 addresses with heavy-tailed (Zipf-like) reuse;</li>
 * <li>inputs spend outputs of earlier blocks, each coin at most once, mostly recent coins; about 5% spend coins
 *     from before the export (their value and holder come from the input's enrichment, as in a real export that
 *     starts at some block); outputs never exceed inputs, the fee is 0.1 µBTC to 0.2 mBTC;</li>
 * <li>five synthetic seed addresses paid {@value #SEED_COINS} coins in a window at the middle of the chain, each
 *     spent soon after into two or three outputs, so that a few hundred coins are reached within four hops;</li>
 * <li>the eight most used addresses labelled as services (five exchanges, a mixer, two others) in
 *     {@code labels.csv}; the seeds listed in {@code watchlist.csv} as XBT designations.</li>
 * </ul>
 * While it writes, the generator computes the forward coin reach of ../shared/bench/UtxoDuckPeer.java (hop of a
 * transaction = 1 + the smallest hop of the coins it spends that pass taint; services keep what they receive;
 * seed coins stay hop 0; coins from before the export ignored) and writes it into {@code shape.properties}, with
 * the export's counts. Same N, same files, byte for byte.
 *
 * <p>Usage: {@code java -cp target/test-classes dev.fundtrace.bench.SyntheticBitcoinEtl OUT_DIR N}: writes
 * OUT_DIR/bitcoin/{blocks.json,enriched_transactions.json}, OUT_DIR/labels.csv, OUT_DIR/watchlist.csv and
 * OUT_DIR/shape.properties; with OUT_DIR {@code -}, nothing is written and the counts are printed.
 */
public final class SyntheticBitcoinEtl {

    /** Bumped whenever the generated shape changes (cached exports carry it in shape.properties). */
    static final String VERSION = "utxo-1";
    static final int SEEDS = 5, SEED_COINS = 40, SERVICES = 8, HOPS = 4;
    static final String[] SERVICE_CATEGORIES = {"exchange", "exchange", "mixer", "exchange", "exchange", "other", "exchange", "other"};
    private static final long SUBSIDY = 625_000_000L;
    private static final int FIRST_BLOCK = 650_000;
    private static final long FIRST_TIME = 1_600_000_000L;

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        if (args[0].equals("-")) {
            // nothing written: the counts and the peer's reach only
            Generator g = new Generator(Long.parseLong(args[1]));
            CountingStream tx = new CountingStream(), blocks = new CountingStream();
            try (Sink t = new Sink(tx); Sink b = new Sink(blocks)) {
                g.run(t, b);
            }
            System.out.printf("%s in %.1f s (nothing written)%n", new Summary(g.txCount, g.blockCount, g.inputCount,
                    g.outputCount, g.preExport, g.seedCoins, g.taintedCoins, g.reached.cardinality(), tx.bytes + blocks.bytes),
                    (System.nanoTime() - t0) / 1e9);
            return;
        }
        Summary s = write(Path.of(args[0]), Long.parseLong(args[1]));
        System.out.printf("%s in %.1f s%n", s, (System.nanoTime() - t0) / 1e9);
    }

    /** What was written, and the DuckDB peer's forward reach on it. */
    record Summary(long transactions, long blocks, long inputs, long outputs, long preExportInputs, long seedCoins,
                   long taintedCoins, long reachedAddresses, long bytes) {
        @Override
        public String toString() {
            return String.format("%,d transactions in %,d blocks, %,d inputs (%,d of coins from before the export), "
                            + "%,d outputs, %.2f GB of JSON; %,d seed coins, %,d coins reached within %d hops, %,d addresses",
                    transactions, blocks, inputs, preExportInputs, outputs, bytes / 1e9, seedCoins, taintedCoins, HOPS,
                    reachedAddresses);
        }
    }

    /** The seed addresses (designated, traced from). */
    static String[] seeds(long n) {
        Addresses a = new Addresses(addressCount(n));
        String[] s = new String[SEEDS];
        for (int j = 0; j < SEEDS; j++) s[j] = a.text(a.seed(j));
        return s;
    }

    private static int addressCount(long n) {
        return (int) Math.max(1000, n / 2);
    }

    public static Summary write(Path out, long n) throws IOException {
        Path chain = out.resolve("bitcoin");
        Files.createDirectories(chain);
        Generator g = new Generator(n);
        try (Sink tx = new Sink(Files.newOutputStream(chain.resolve("enriched_transactions.json")));
             Sink blocks = new Sink(Files.newOutputStream(chain.resolve("blocks.json")))) {
            g.run(tx, blocks);
        }
        Summary s = new Summary(g.txCount, g.blockCount, g.inputCount, g.outputCount, g.preExport, g.seedCoins,
                g.taintedCoins, g.reached.cardinality(),
                Files.size(chain.resolve("enriched_transactions.json")) + Files.size(chain.resolve("blocks.json")));
        StringBuilder labels = new StringBuilder("address,chain,label,category\n");
        for (int k = 0; k < SERVICES; k++) {
            labels.append(g.addresses.text(k)).append(",bitcoin,Synthetic ").append(SERVICE_CATEGORIES[k]).append(' ')
                    .append(k).append(',').append(SERVICE_CATEGORIES[k]).append('\n');
        }
        Files.writeString(out.resolve("labels.csv"), labels);
        StringBuilder watchlist = new StringBuilder("address,currency,subject,source\n");
        for (int j = 0; j < SEEDS; j++) {
            watchlist.append(g.addresses.text(g.addresses.seed(j))).append(",XBT,Synthetic seed ").append(j)
                    .append(",synthetic (fundtrace bench)\n");
        }
        Files.writeString(out.resolve("watchlist.csv"), watchlist);
        Files.writeString(out.resolve("shape.properties"), """
                version=%s
                n=%d
                transactions=%d
                blocks=%d
                inputs=%d
                preExportInputs=%d
                outputs=%d
                bytes=%d
                seedCoins=%d
                taintedCoins=%d
                reached=%d
                """.formatted(VERSION, n, s.transactions(), s.blocks(), s.inputs(), s.preExportInputs(), s.outputs(),
                s.bytes(), s.seedCoins(), s.taintedCoins(), s.reachedAddresses()));
        return s;
    }

    /** The generator's state: the coins (outputs) made so far, the unspent ones, and the reach. */
    private static final class Generator {
        final long n;
        final Addresses addresses;
        final SplittableRandom rnd = new SplittableRandom(20240420);
        final byte[] hexPool = new byte[1 << 16];

        // every output made, by coin id: creating transaction's ordinal, vout, value, holder, hop (-1 clean)
        int coins;
        int[] coinTx = new int[1 << 16], coinAddr = new int[1 << 16];
        short[] coinVout = new short[1 << 16];
        long[] coinValue = new long[1 << 16];
        byte[] coinHop = new byte[1 << 16];
        // unspent coins of earlier blocks, and the seeds' unspent coins
        int[] pool = new int[1 << 16];
        int poolSize;
        int[] seedPool = new int[SEED_COINS * 4];
        int seedPoolSize;

        long txCount, blockCount, inputCount, outputCount, preExport, seedCoins, taintedCoins;
        final BitSet reached = new BitSet();

        // the transaction being made
        int ins;
        int[] inCoin = new int[16];      // coin id, or -1 - k for the k-th coin from before the export
        long[] inValue = new long[16];
        int[] inAddr = new int[16];
        long[] inPreHash = new long[16];
        int outs;
        long[] outValue = new long[16];
        int[] outAddr = new int[16];

        Generator(long n) {
            this.n = n;
            this.addresses = new Addresses(addressCount(n));
            for (int i = 0; i < hexPool.length; i++) hexPool[i] = HEX[rnd.nextInt(16)];
        }

        void run(Sink tx, Sink blocks) {
            long seedFrom = n / 2, seedTo = seedFrom + Math.max(4000, n / 100), spendTo = seedTo + Math.max(4000, n / 100);
            double seedRate = (double) SEED_COINS / (seedTo - seedFrom);
            int block = FIRST_BLOCK;
            long time = FIRST_TIME;
            long ordinal = 0;
            while (ordinal < n) {
                int inBlock = (int) Math.min(n - ordinal, 1800 + rnd.nextInt(401));
                int blockStartCoin = coins;
                long blockHashA = rnd.nextLong(), blockHashB = rnd.nextLong(), blockHashC = rnd.nextLong();
                writeBlock(blocks, block, time, inBlock, blockHashA, blockHashB, blockHashC);
                for (int index = 0; index < inBlock; index++, ordinal++) {
                    ins = 0;
                    outs = 0;
                    boolean coinbase = index == 0;
                    if (coinbase) {
                        addOutput(SUBSIDY + rnd.nextInt(50_000_000), addresses.zipf(rnd));
                    } else if (ordinal >= seedFrom && ordinal < spendTo && seedPoolSize > 0 && rnd.nextDouble() < 2 * seedRate) {
                        // a seed spends one of its coins (two, sometimes) into two or three outputs: the fan-out
                        takeSeedCoin();
                        if (seedPoolSize > 0 && rnd.nextInt(4) == 0) takeSeedCoin();
                        pay(2 + rnd.nextInt(2), false);
                    } else {
                        int k = inputCount();
                        for (int j = 0; j < k; j++) takeCoin();
                        boolean paysSeed = ordinal >= seedFrom && ordinal < seedTo && seedCoins < SEED_COINS
                                && rnd.nextDouble() < seedRate;
                        pay(outputCount(), paysSeed);
                    }
                    writeTransaction(tx, ordinal, block, time, index, coinbase, blockHashA, blockHashB, blockHashC);
                    txCount++;
                }
                // this block's coins can be spent from the next block on
                for (int c = blockStartCoin; c < coins; c++) {
                    if (addresses.isSeed(coinAddr[c])) {
                        if (seedPoolSize == seedPool.length) seedPool = Arrays.copyOf(seedPool, seedPool.length * 2);
                        seedPool[seedPoolSize++] = c;
                    } else {
                        if (poolSize == pool.length) pool = Arrays.copyOf(pool, pool.length * 2);
                        pool[poolSize++] = c;
                    }
                }
                block++;
                blockCount++;
                time += 300 + rnd.nextInt(600);
            }
        }

        private int inputCount() {
            int r = rnd.nextInt(100);
            return r < 88 ? 1 : r < 96 ? 2 : r < 98 ? 3 : 4 + rnd.nextInt(5);
        }

        private int outputCount() {
            int r = rnd.nextInt(100);
            return r < 58 ? 1 : r < 96 ? 2 : r < 98 ? 3 : 4 + rnd.nextInt(5);
        }

        /** Spends an unspent coin of an earlier block, mostly a recent one; or one from before the export. */
        private void takeCoin() {
            if (poolSize < 1000 || rnd.nextInt(20) == 0) {
                long k = preExport++;
                inCoin[ins] = -1;
                inPreHash[ins] = k;
                inValue[ins] = (long) Math.exp(9.2 + rnd.nextDouble() * 13.2); // 10^4 to 5 x 10^9 sat
                inAddr[ins] = addresses.zipf(rnd);
                ins++;
                return;
            }
            int p = rnd.nextInt(10) < 6 ? poolSize - 1 - rnd.nextInt(Math.min(poolSize, 4096)) : rnd.nextInt(poolSize);
            int c = pool[p];
            pool[p] = pool[--poolSize];
            spend(c);
        }

        private void takeSeedCoin() {
            int p = rnd.nextInt(seedPoolSize);
            int c = seedPool[p];
            seedPool[p] = seedPool[--seedPoolSize];
            spend(c);
        }

        private void spend(int c) {
            inCoin[ins] = c;
            inValue[ins] = coinValue[c];
            inAddr[ins] = coinAddr[c];
            ins++;
        }

        /** Outputs for the inputs taken: the inputs' total less a fee, split over {@code k} outputs. */
        private void pay(int k, boolean paysSeed) {
            long in = 0;
            for (int j = 0; j < ins; j++) in += inValue[j];
            long fee = Math.min(in / 4, 10 + rnd.nextInt(20_000));
            long total = in - fee;
            if (total < 1092L * k) k = 1;
            long left = total;
            for (int j = 0; j < k; j++) {
                long v = j == k - 1 ? left : (long) (left * (0.05 + 0.9 * rnd.nextDouble()) / (k - j > 2 ? 2 : 1));
                left -= v;
                int holder = j == 0 && paysSeed ? addresses.seed(rnd.nextInt(SEEDS)) : addresses.zipf(rnd);
                addOutput(v, holder);
            }
        }

        private void addOutput(long value, int holder) {
            outValue[outs] = value;
            outAddr[outs] = holder;
            outs++;
        }

        /** Records the transaction's coins, with the peer's reach, and writes its row. */
        void writeTransaction(Sink s, long ordinal, int block, long time, int index, boolean coinbase, long bhA, long bhB, long bhC) {
            // the peer's rule: passing coins are seed coins (hop 0) and tainted coins not held by a service
            int pass = Integer.MAX_VALUE;
            for (int j = 0; j < ins; j++) {
                int c = inCoin[j];
                if (c < 0) continue;
                int h = coinHop[c];
                if (h == 0 || (h > 0 && !addresses.isService(coinAddr[c]))) pass = Math.min(pass, h);
            }
            int hop = pass == Integer.MAX_VALUE || pass + 1 > HOPS ? -1 : pass + 1;
            long inTotal = 0, outTotal = 0;
            for (int j = 0; j < ins; j++) inTotal += inValue[j];
            for (int j = 0; j < outs; j++) outTotal += outValue[j];
            int size = coinbase ? 110 + 34 * outs : 10 + 148 * ins + 34 * outs;

            s.ascii("{\"hash\": \"").txHash(ordinal).ascii("\", \"size\": ").dec(size).ascii(", \"virtual_size\": ").dec(size)
                    .ascii(", \"version\": ").dec(coinbase ? 1 : 2).ascii(", \"lock_time\": 0, \"block_number\": ").dec(block)
                    .ascii(", \"block_hash\": \"").blockHash(bhA, bhB, bhC).ascii("\", \"block_timestamp\": ").dec(time)
                    .ascii(coinbase ? ", \"is_coinbase\": true, \"index\": " : ", \"is_coinbase\": false, \"index\": ").dec(index)
                    .ascii(", \"inputs\": [");
            for (int j = 0; j < ins; j++) {
                int c = inCoin[j];
                if (j > 0) s.ascii(", ");
                s.ascii("{\"index\": ").dec(j).ascii(", \"spent_transaction_hash\": \"");
                if (c >= 0) s.txHash(coinTx[c]);
                else s.txHash(-1 - inPreHash[j]);
                s.ascii("\", \"spent_output_index\": ").dec(c >= 0 ? coinVout[c] : inPreHash[j] % 3)
                        .ascii(", \"script_asm\": \"");
                int sig = rnd.nextInt(hexPool.length - 128);
                s.ascii("30440220").raw(hexPool, sig, 64).ascii("0220").raw(hexPool, sig + 64, 64).ascii("[ALL] ");
                addresses.pubkey(s, inAddr[j]);
                s.ascii("\", \"script_hex\": \"4730440220").raw(hexPool, sig, 64).ascii("0220").raw(hexPool, sig + 64, 64)
                        .ascii("0121");
                addresses.pubkey(s, inAddr[j]);
                s.ascii("\", \"sequence\": 4294967295, \"required_signatures\": 1, \"type\": \"pubkeyhash\", \"addresses\": [\"")
                        .raw(addresses.base58(inAddr[j])).ascii("\"], \"value\": ").dec(inValue[j]).ascii("}");
            }
            s.ascii("], \"outputs\": [");
            for (int j = 0; j < outs; j++) {
                if (j > 0) s.ascii(", ");
                int a = outAddr[j];
                s.ascii("{\"index\": ").dec(j).ascii(", \"script_asm\": \"OP_DUP OP_HASH160 ");
                addresses.hash160(s, a);
                s.ascii(" OP_EQUALVERIFY OP_CHECKSIG\", \"script_hex\": \"76a914");
                addresses.hash160(s, a);
                s.ascii("88ac\", \"required_signatures\": 1, \"type\": \"pubkeyhash\", \"addresses\": [\"")
                        .raw(addresses.base58(a)).ascii("\"], \"value\": ").dec(outValue[j]).ascii("}");
                // the coin
                if (coins == coinTx.length) grow();
                coinTx[coins] = (int) ordinal;
                coinVout[coins] = (short) j;
                coinValue[coins] = outValue[j];
                coinAddr[coins] = a;
                byte h;
                if (addresses.isSeed(a)) {
                    h = 0;
                    seedCoins++;
                } else if (hop > 0) {
                    h = (byte) hop;
                    taintedCoins++;
                    reached.set(a);
                } else {
                    h = -1;
                }
                coinHop[coins] = h;
                coins++;
            }
            s.ascii("], \"input_count\": ").dec(ins).ascii(", \"output_count\": ").dec(outs)
                    .ascii(", \"input_value\": ").dec(inTotal).ascii(", \"output_value\": ").dec(outTotal)
                    .ascii(", \"fee\": ").dec(coinbase ? 0 : inTotal - outTotal).ascii("}\n");
            inputCount += ins;
            outputCount += outs;
        }

        void writeBlock(Sink s, int number, long time, int txs, long a, long b, long c) {
            int size = 80 + txs * 400;
            s.ascii("{\"hash\": \"").blockHash(a, b, c).ascii("\", \"size\": ").dec(size).ascii(", \"stripped_size\": ")
                    .dec(size * 3 / 4).ascii(", \"weight\": ").dec(size * 3).ascii(", \"number\": ").dec(number)
                    .ascii(", \"version\": 536870912, \"merkle_root\": \"").hex(mix(a)).hex(mix(b)).hex(mix(c)).hex(mix(number))
                    .ascii("\", \"timestamp\": ").dec(time).ascii(", \"nonce\": \"").hex32(mix(a ^ number))
                    .ascii("\", \"bits\": \"170e92aa\", \"coinbase_param\": \"03").hex32(Integer.reverseBytes(number) >>> 8 | 0L)
                    .hex(mix(b ^ number)).ascii("\", \"transaction_count\": ").dec(txs).ascii("}\n");
        }

        private void grow() {
            int size = coinTx.length * 2;
            coinTx = Arrays.copyOf(coinTx, size);
            coinAddr = Arrays.copyOf(coinAddr, size);
            coinVout = Arrays.copyOf(coinVout, size);
            coinValue = Arrays.copyOf(coinValue, size);
            coinHop = Arrays.copyOf(coinHop, size);
        }
    }

    /**
     * The address space: ids 0 to count-1 picked Zipf-like (0 the most used), then the seeds. Each id has a
     * 20-byte hash (derived from the id) and its Base58Check P2PKH address (version 0x00, double-SHA-256 checksum),
     * made on first use.
     */
    private static final class Addresses {
        final int count;
        final byte[][] base58;
        private final MessageDigest sha;

        Addresses(int count) {
            this.count = count;
            this.base58 = new byte[count + SEEDS][];
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        int zipf(SplittableRandom rnd) {
            return (int) (Math.pow(rnd.nextDouble(), 3.0) * count);
        }

        int seed(int j) { return count + j; }

        boolean isSeed(int id) { return id >= count; }

        boolean isService(int id) { return id < SERVICES; }

        private long h(int id, int part) { return mix(0x5eed_0000_0000L + id * 4L + part); }

        void hash160(Sink s, int id) {
            s.hex(h(id, 0)).hex(h(id, 1)).hex32(h(id, 2));
        }

        void pubkey(Sink s, int id) {
            s.ascii((h(id, 3) & 1) == 0 ? "02" : "03").hex(h(id, 3)).hex(h(id, 0) ^ h(id, 3)).hex(h(id, 1) ^ h(id, 3))
                    .hex(h(id, 2) ^ h(id, 3));
        }

        String text(int id) { return new String(base58(id), StandardCharsets.US_ASCII); }

        byte[] base58(int id) {
            byte[] b = base58[id];
            if (b == null) {
                byte[] payload = new byte[25];
                long a = h(id, 0), c = h(id, 1), d = h(id, 2);
                for (int i = 0; i < 8; i++) {
                    payload[1 + i] = (byte) (a >>> (56 - 8 * i));
                    payload[9 + i] = (byte) (c >>> (56 - 8 * i));
                }
                for (int i = 0; i < 4; i++) payload[17 + i] = (byte) (d >>> (24 - 8 * i));
                sha.update(payload, 0, 21);
                byte[] check = sha.digest(sha.digest());
                System.arraycopy(check, 0, payload, 21, 4);
                b = base58[id] = encode58(payload);
            }
            return b;
        }
    }

    private static final byte[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    /** Base58 of {@code data} (leading zero bytes as '1'). */
    static byte[] encode58(byte[] data) {
        byte[] number = data.clone();
        byte[] out = new byte[data.length * 2];
        int pos = out.length, start = 0;
        while (start < number.length && number[start] == 0) start++;
        int zeros = start;
        while (start < number.length) {
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int digit = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (digit / 58);
                remainder = digit % 58;
            }
            out[--pos] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) start++;
        }
        for (int i = 0; i < zeros; i++) out[--pos] = '1';
        return Arrays.copyOfRange(out, pos, out.length);
    }

    /** SplitMix64's finalizer: a bijection of the longs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) { bytes++; }

        @Override
        public void write(byte[] b, int off, int len) { bytes += len; }
    }

    /** Buffered byte output with the few encodings the rows need. */
    private static final class Sink implements AutoCloseable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 20];
        private int pos;

        Sink(OutputStream out) { this.out = out; }

        private void room(int k) {
            if (pos + k > buf.length) flush();
        }

        private void flush() {
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pos = 0;
        }

        Sink ascii(String s) {
            int k = s.length();
            room(k);
            s.getBytes(0, k, buf, pos); // ASCII only
            pos += k;
            return this;
        }

        Sink raw(byte[] b) { return raw(b, 0, b.length); }

        Sink raw(byte[] b, int from, int k) {
            room(k);
            System.arraycopy(b, from, buf, pos, k);
            pos += k;
            return this;
        }

        Sink dec(long v) {
            room(20);
            if (v == 0) {
                buf[pos++] = '0';
                return this;
            }
            if (v < 0) {
                buf[pos++] = '-';
                v = -v;
            }
            int digits = 0;
            for (long t = v; t > 0; t /= 10) digits++;
            for (int i = pos + digits - 1; i >= pos; i--, v /= 10) buf[i] = (byte) ('0' + v % 10);
            pos += digits;
            return this;
        }

        /** 16 lower-case hex digits. */
        Sink hex(long v) {
            room(16);
            for (int i = 15; i >= 0; i--, v >>>= 4) buf[pos + i] = HEX[(int) (v & 15)];
            pos += 16;
            return this;
        }

        /** The low 32 bits as 8 hex digits. */
        Sink hex32(long v) {
            room(8);
            for (int i = 7; i >= 0; i--, v >>>= 4) buf[pos + i] = HEX[(int) (v & 15)];
            pos += 8;
            return this;
        }

        /** A txid: 64 hex digits, a bijection of the ordinal (negative ordinals: coins from before the export). */
        Sink txHash(long ordinal) {
            return hex(mix(ordinal ^ 0x7a11_0000_0000_0000L)).hex(mix(ordinal + 0x1234_5678L)).hex(mix(ordinal * 31 + 7))
                    .hex(mix(ordinal + 0x9e3779b97f4a7c15L));
        }

        /** A block hash: leading zeros as proof of work leaves them. */
        Sink blockHash(long a, long b, long c) {
            return ascii("0000000000000000000").raw(hexAt(a), 3, 13).hex(b).hex(c);
        }

        private static byte[] hexAt(long v) {
            byte[] b = new byte[16];
            for (int i = 15; i >= 0; i--, v >>>= 4) b[i] = HEX[(int) (v & 15)];
            return b;
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
