package dev.fundtrace.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a reproducible ethereum-etl export (transactions.csv + receipts.csv, ethereum-etl's own columns and
 * row sizes, about 460 bytes per transfer) and a labels file for benchmarks. Shape:
 * <ul>
 * <li>Zipf-like address activity over N/5 addresses;</li>
 * <li>four real exchange hot wallets (labelled in sample-data) taking ~10% of all transfers;</li>
 * <li>the 1,000 most active synthetic addresses labelled as services (exchanges, DeFi routers, bridges), as the
 *     most active addresses of the real chain are: taint stops there instead of fanning out to everyone;</li>
 * <li>the three IRA seeds active in a window at the middle of the chain (2% of it), so that both the forward
 *     and the backward 4-hop reach are above 10^5 addresses at N = 10^7;</li>
 * <li>2% reverted transactions, a third of them token-style calls with input data.</li>
 * </ul>
 * Same N, same files, byte for byte.
 *
 * <p>Usage: {@code java -cp target/test-classes dev.fundtrace.bench.SyntheticExport OUT_DIR N [LABELS_CSV]}
 */
public final class SyntheticExport {
    static final String[] SEEDS = {"0x901bb9583b24d97e995513c6778dc6888ab6870e",
            "0xa7e5d5a720f06526557c513402f2e6b5fa20b008", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"};
    static final String[] HUBS = {"0x28c6c06298d514db089934071355e5743bf21d60", "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be",
            "0x267be1c1d684f78cb4f6a176c4911b741e4ffdc0", "0x32be343b94f860124dc4fee278fdcbd38c102d88"};
    /** Bumped whenever the generated shape changes. */
    static final String SHAPE = "s2";
    /** The most active synthetic addresses (the lowest Zipf ranks) that the bench labels as services. */
    static final int SERVICES = 1000;
    private static final String CALL = "0xa9059cbb000000000000000000000000";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        write(out, n);
        if (args.length > 2) writeLabels(Path.of(args[2]), Path.of("sample-data/labels/labels.csv"), n);
    }

    /** Labels for the bench: sample-data's real labels, then the most active synthetic addresses as services. */
    public static void writeLabels(Path out, Path sampleLabels, long n) throws IOException {
        String[] categories = {"exchange", "defi", "bridge"};
        StringBuilder csv = new StringBuilder(Files.readString(sampleLabels));
        for (int k = 0; k < SERVICES; k++) {
            csv.append(address(k)).append(",ethereum,Synthetic service ").append(k).append(',')
                    .append(categories[k % categories.length]).append(",synthetic (fundtrace bench)\n");
        }
        Files.writeString(out, csv);
    }

    public static void write(Path out, long n) throws IOException {
        int addresses = (int) Math.max(1000, n / 5);
        Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(20200910);
        long block = 11_000_000, time = 1_600_000_000;
        int index = 0;
        String blockHash = hash(rnd, block);
        long cumulativeGas = 0;
        try (BufferedWriter tx = writer(out.resolve("transactions.csv")); BufferedWriter rc = writer(out.resolve("receipts.csv"))) {
            tx.write("hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp,max_fee_per_gas,max_priority_fee_per_gas,transaction_type\n");
            rc.write("transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status,effective_gas_price\n");
            StringBuilder row = new StringBuilder(512);
            for (long i = 0; i < n; i++) {
                if (index == 180 || rnd.nextInt(150) == 0) {
                    block++;
                    time += 12 + rnd.nextInt(3);
                    index = 0;
                    cumulativeGas = 0;
                    blockHash = hash(rnd, block);
                }
                String from = pick(rnd, addresses, i, n), to = pick(rnd, addresses, i + 1, n);
                if (from.equals(to)) to = address(rnd.nextInt(addresses));
                long value = (long) Math.min(Long.MAX_VALUE / 4, Math.exp(rnd.nextDouble() * 46)) + 1;
                String h = hash(rnd, i);
                boolean call = rnd.nextInt(3) == 0;
                long gasUsed = call ? 51_000 + rnd.nextInt(20_000) : 21_000;
                cumulativeGas += gasUsed;
                row.setLength(0);
                row.append(h).append(',').append(rnd.nextInt(5000)).append(',').append(blockHash).append(',').append(block)
                        .append(',').append(index).append(',').append(from).append(',').append(to).append(',').append(value)
                        .append(',').append(call ? 90_000 : 21_000).append(",32000000000,");
                if (call) row.append(CALL).append(to, 2, 42).append(String.format("%064x", value));
                else row.append("0x");
                row.append(',').append(time).append(",40000000000,1500000000,2\n");
                tx.append(row);
                row.setLength(0);
                row.append(h).append(',').append(index).append(',').append(blockHash).append(',').append(block).append(',')
                        .append(cumulativeGas).append(',').append(gasUsed).append(",,,").append(rnd.nextInt(50) == 0 ? '0' : '1')
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

    /** Seeds are active mid-chain; hubs take ~10% of all transfers; the rest is Zipf-like over the address space. */
    private static String pick(SplittableRandom rnd, int addresses, long i, long n) {
        int r = rnd.nextInt(1000);
        if (i >= n / 2 && i < n / 2 + n / 50 && r < 20) return SEEDS[rnd.nextInt(SEEDS.length)];
        if (r < 100) return HUBS[rnd.nextInt(HUBS.length)];
        return address((int) (Math.pow(rnd.nextDouble(), 2.5) * addresses));
    }

    private static String address(int k) {
        return String.format("0x%040x", 0x1000000L + k * 2654435761L);
    }
}
