package dev.fundtrace.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a reproducible ethereum-etl export (transactions.csv + receipts.csv, ethereum-etl's own columns and
 * row sizes, about 525 bytes per transfer) and a labels file for benchmarks, in one of two shapes.
 *
 * <p>Shape "s2" (the small-reach night):
 * <ul>
 * <li>Zipf-like address activity over N/5 addresses;</li>
 * <li>four real exchange hot wallets (labelled in sample-data) taking ~10% of all transfers;</li>
 * <li>the 1,000 most active synthetic addresses labelled as services (exchanges, DeFi routers, bridges), as the
 *     most active addresses of the real chain are: taint stops there instead of fanning out to everyone;</li>
 * <li>the three IRA seeds active in a window at the middle of the chain (2% of it), so that both the forward
 *     and the backward 4-hop reach are above 10^5 addresses at N = 10^7;</li>
 * <li>2% reverted transactions, a third of them token-style calls with input data.</li>
 * </ul>
 * Shape "reach" (issue #15, the large-reach night): the same generator with only sample-data's ten labels as
 * services (the four hubs among them, taking 5% of the transfers), a heavier tail (Zipf exponent 2.8 instead of
 * 2.5) and the seeds in the same window in the busy middle of the chain, so that the DuckDB peer's forward 4-hop
 * reach is 7,418 addresses at 10^5 transfers, 71,331 at 10^6 and 724,523 at 10^7 (computed in memory by
 * {@link ForwardReach}, which gives s2's 129,531 at 10^7, the DuckDB peer's own figure); its job asks for {@code indirectExposureMin} of 1 wei, so nearly every reached address
 * is flagged.
 * Same N and shape, same files, byte for byte.
 *
 * <p>Usage: {@code java -cp target/test-classes dev.fundtrace.bench.SyntheticExport OUT_DIR N [LABELS_CSV [SHAPE]]};
 * with OUT_DIR {@code -} nothing is written and the DuckDB peer's forward 4-hop reach is computed in memory.
 */
public final class SyntheticExport {
    static final String[] SEEDS = {"0x901bb9583b24d97e995513c6778dc6888ab6870e",
            "0xa7e5d5a720f06526557c513402f2e6b5fa20b008", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"};
    static final String[] HUBS = {"0x28c6c06298d514db089934071355e5743bf21d60", "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be",
            "0x267be1c1d684f78cb4f6a176c4911b741e4ffdc0", "0x32be343b94f860124dc4fee278fdcbd38c102d88"};
    /** Bumped whenever the generated s2 shape changes. */
    static final String SHAPE = "s2";
    /** The most active synthetic addresses (the lowest Zipf ranks) that the bench labels as services in s2. */
    static final int SERVICES = 1000;
    private static final String CALL = "0xa9059cbb000000000000000000000000";

    /**
     * A shape's parameters: the seeds' window (from and length in thousandths of the chain) and their share of the
     * transfers in it (per mille), the hubs' share (per mille), the Zipf exponent over N/5 addresses, and how many of
     * the most active synthetic addresses are labelled as services (besides sample-data's labels).
     */
    record Shape(String name, int seedFromPerMille, int seedLenPerMille, int seedPerMille, int hubPerMille,
                 double zipf, int services) {
        long seedFrom(long n) { return n * seedFromPerMille / 1000; }
        long seedTo(long n) { return seedFrom(n) + n * seedLenPerMille / 1000; }
    }

    static final Shape S2 = new Shape(SHAPE, 500, 20, 20, 100, 2.5, SERVICES);
    /** Bump the name's version whenever the reach shape changes (cached exports are keyed by it). */
    static final Shape REACH = new Shape("reach", 500, 20, 20, 50, 2.8, 0);

    static Shape shape(String name) {
        return switch (name) {
            case "s2" -> S2;
            case "reach" -> REACH;
            default -> throw new IllegalArgumentException("no Ethereum bench shape " + name + " (s2, reach)");
        };
    }

    public static void main(String[] args) throws IOException {
        long n = Long.parseLong(args[1]);
        Shape shape = args.length > 3 ? shape(args[3]) : S2;
        if (args[0].equals("-")) {
            long t0 = System.nanoTime();
            ForwardReach reach = new ForwardReach(n, shape);
            write(null, n, shape, reach);
            System.out.printf("shape %s, N = %,d: forward 4-hop reach (DuckDB peer's rule) %,d addresses (%s), %.1f s%n",
                    shape.name(), n, reach.reached(), reach.perHop(), (System.nanoTime() - t0) / 1e9);
            return;
        }
        write(Path.of(args[0]), n, shape, null);
        if (args.length > 2) writeLabels(Path.of(args[2]), Path.of("sample-data/labels/labels.csv"), n, shape);
    }

    /** Labels for the s2 bench (see {@link #writeLabels(Path, Path, long, Shape)}). */
    public static void writeLabels(Path out, Path sampleLabels, long n) throws IOException {
        writeLabels(out, sampleLabels, n, S2);
    }

    /** Labels for the bench: sample-data's real labels, then the shape's most active synthetic addresses as services. */
    public static void writeLabels(Path out, Path sampleLabels, long n, Shape shape) throws IOException {
        String[] categories = {"exchange", "defi", "bridge"};
        StringBuilder csv = new StringBuilder(Files.readString(sampleLabels));
        for (int k = 0; k < shape.services(); k++) {
            csv.append(address(k)).append(",ethereum,Synthetic service ").append(k).append(',')
                    .append(categories[k % categories.length]).append(",synthetic (fundtrace bench)\n");
        }
        Files.writeString(out, csv);
    }

    public static void write(Path out, long n) throws IOException {
        write(out, n, S2, null);
    }

    /** Receives each transfer in chain order: address codes as {@link #code}, and whether it carries value. */
    interface TransferListener {
        void transfer(long i, int from, int to, boolean success);
    }

    /**
     * Writes the export of shape {@code shape} into {@code out} (null: nothing is written, only {@code listener}
     * hears the transfers). The random draws are the same either way.
     */
    public static void write(Path out, long n, Shape shape, TransferListener listener) throws IOException {
        int addresses = (int) Math.max(1000, n / 5);
        boolean writing = out != null;
        if (writing) Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(20200910);
        long block = 11_000_000, time = 1_600_000_000;
        int index = 0;
        String blockHash = writing ? hash(rnd, block) : skipHash(rnd);
        long cumulativeGas = 0;
        long seedFrom = shape.seedFrom(n), seedTo = shape.seedTo(n);
        try (BufferedWriter tx = writing ? writer(out.resolve("transactions.csv")) : null;
             BufferedWriter rc = writing ? writer(out.resolve("receipts.csv")) : null) {
            if (writing) {
                tx.write("hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp,max_fee_per_gas,max_priority_fee_per_gas,transaction_type\n");
                rc.write("transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status,effective_gas_price\n");
            }
            StringBuilder row = new StringBuilder(512);
            for (long i = 0; i < n; i++) {
                if (index == 180 || rnd.nextInt(150) == 0) {
                    block++;
                    time += 12 + rnd.nextInt(3);
                    index = 0;
                    cumulativeGas = 0;
                    blockHash = writing ? hash(rnd, block) : skipHash(rnd);
                }
                int fromCode = pick(rnd, shape, addresses, i, seedFrom, seedTo), toCode = pick(rnd, shape, addresses, i + 1, seedFrom, seedTo);
                if (fromCode == toCode) toCode = rnd.nextInt(addresses);
                long value = (long) Math.min(Long.MAX_VALUE / 4, Math.exp(rnd.nextDouble() * 46)) + 1;
                String h = writing ? hash(rnd, i) : skipHash(rnd);
                boolean call = rnd.nextInt(3) == 0;
                long gasUsed = call ? 51_000 + rnd.nextInt(20_000) : 21_000;
                cumulativeGas += gasUsed;
                int nonce = rnd.nextInt(5000);
                boolean reverted = rnd.nextInt(50) == 0;
                if (listener != null) listener.transfer(i, fromCode, toCode, !reverted);
                if (!writing) {
                    index++;
                    continue;
                }
                String from = text(fromCode), to = text(toCode);
                row.setLength(0);
                row.append(h).append(',').append(nonce).append(',').append(blockHash).append(',').append(block)
                        .append(',').append(index).append(',').append(from).append(',').append(to).append(',').append(value)
                        .append(',').append(call ? 90_000 : 21_000).append(",32000000000,");
                if (call) row.append(CALL).append(to, 2, 42).append(String.format("%064x", value));
                else row.append("0x");
                row.append(',').append(time).append(",40000000000,1500000000,2\n");
                tx.append(row);
                row.setLength(0);
                row.append(h).append(',').append(index).append(',').append(blockHash).append(',').append(block).append(',')
                        .append(cumulativeGas).append(',').append(gasUsed).append(",,,").append(reverted ? '0' : '1')
                        .append(",32000000000\n");
                rc.append(row);
                index++;
            }
        }
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.US_ASCII), 1 << 20);
    }

    private static String hash(SplittableRandom rnd, long salt) {
        return String.format("0x%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), salt);
    }

    /** The draws of {@link #hash}, without the text. */
    private static String skipHash(SplittableRandom rnd) {
        rnd.nextLong();
        rnd.nextLong();
        rnd.nextLong();
        return null;
    }

    /**
     * Seeds are active mid-chain; hubs take ~10% of all transfers; the rest is Zipf-like over the address space.
     * Returns an address code: a synthetic address's rank (0 the most active), a seed as -1 - its index, a hub as
     * -100 - its index.
     */
    private static int pick(SplittableRandom rnd, Shape shape, int addresses, long i, long seedFrom, long seedTo) {
        int r = rnd.nextInt(1000);
        if (i >= seedFrom && i < seedTo && r < shape.seedPerMille()) return -1 - rnd.nextInt(SEEDS.length);
        if (r < shape.hubPerMille()) return -100 - rnd.nextInt(HUBS.length);
        return (int) (Math.pow(rnd.nextDouble(), shape.zipf()) * addresses);
    }

    private static String text(int code) {
        if (code >= 0) return address(code);
        return code > -100 ? SEEDS[-1 - code] : HUBS[-100 - code];
    }

    private static String address(int k) {
        return String.format("0x%040x", 0x1000000L + k * 2654435761L);
    }

    /**
     * The DuckDB peer's forward reach (../shared/bench/DuckPeer.java), computed on the generated transfers in memory:
     * hop by hop, the earliest arrival per address, successful transfers only (every synthetic transfer carries value),
     * seeds never reached, labelled services (the hubs, sample-data's labels, and the shape's synthetic services)
     * reached but passing nothing on.
     */
    static final class ForwardReach implements TransferListener {
        private static final int HOPS = 4;
        private final int addresses, offset = 200;
        private final int[] from, to;
        private final int services;
        private int count;

        ForwardReach(long n, Shape shape) {
            this.addresses = (int) Math.max(1000, n / 5);
            this.from = new int[(int) n];
            this.to = new int[(int) n];
            this.services = shape.services();
        }

        @Override
        public void transfer(long i, int f, int t, boolean success) {
            if (!success) return;
            from[count] = f;
            to[count] = t;
            count++;
        }

        private int id(int code) { return code + offset; }

        private boolean service(int code) { return code <= -100 || (code >= 0 && code < services); }

        private int[] perHop;

        long reached() {
            int size = addresses + offset;
            // arrival[a] = order of the earliest transfer that reached a at the previous hop, or MAX when not
            int[] previous = new int[size], next = new int[size];
            Arrays.fill(previous, Integer.MAX_VALUE);
            for (int s = 0; s < SEEDS.length; s++) previous[id(-1 - s)] = -1;
            boolean[] reached = new boolean[size];
            perHop = new int[HOPS];
            long total = 0;
            for (int h = 1; h <= HOPS; h++) {
                Arrays.fill(next, Integer.MAX_VALUE);
                for (int i = 0; i < count; i++) {
                    int f = from[i], t = to[i];
                    if (t < 0 && t > -100) continue; // seeds are never reached
                    int arrived = previous[id(f)];
                    if (arrived == Integer.MAX_VALUE || arrived >= i) continue;
                    if (h > 1 && service(f)) continue;
                    if (next[id(t)] == Integer.MAX_VALUE) next[id(t)] = i;
                }
                for (int a = 0; a < size; a++) {
                    if (next[a] != Integer.MAX_VALUE && !reached[a]) {
                        reached[a] = true;
                        perHop[h - 1]++;
                        total++;
                    }
                }
                int[] swap = previous;
                previous = next;
                next = swap;
            }
            return total;
        }

        String perHop() { return "per hop " + Arrays.toString(perHop); }
    }
}
