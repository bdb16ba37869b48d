package dev.fundtrace.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a reproducible ethereum-etl export of N value transfers for benchmarks: heavy-tailed address activity
 * (Zipf-like), a few exchange hot wallets with very high degree, the three IRA seeds active early, 2% reverted.
 * Usage: {@code java -cp target/test-classes dev.fundtrace.bench.SyntheticExport OUT_DIR N [ADDRESSES]}
 */
public final class SyntheticExport {
    static final String[] SEEDS = {"0x901bb9583b24d97e995513c6778dc6888ab6870e",
            "0xa7e5d5a720f06526557c513402f2e6b5fa20b008", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"};
    static final String[] HUBS = {"0x28c6c06298d514db089934071355e5743bf21d60", "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be",
            "0x267be1c1d684f78cb4f6a176c4911b741e4ffdc0", "0x32be343b94f860124dc4fee278fdcbd38c102d88"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        int addresses = args.length > 2 ? Integer.parseInt(args[2]) : (int) Math.max(1000, n / 5);
        Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(20200910);
        long block = 11_000_000, time = 1_600_000_000;
        int index = 0;
        try (BufferedWriter tx = new BufferedWriter(Files.newBufferedWriter(out.resolve("transactions.csv"), StandardCharsets.US_ASCII), 1 << 20);
             BufferedWriter rc = new BufferedWriter(Files.newBufferedWriter(out.resolve("receipts.csv"), StandardCharsets.US_ASCII), 1 << 20)) {
            tx.write("hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp,max_fee_per_gas,max_priority_fee_per_gas,transaction_type\n");
            rc.write("transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status,effective_gas_price\n");
            for (long i = 0; i < n; i++) {
                if (index == 150 || rnd.nextInt(200) == 0) { block++; time += 13; index = 0; }
                String from = pick(rnd, addresses, i, n), to = pick(rnd, addresses, i + 1, n);
                if (from.equals(to)) to = address(rnd.nextInt(addresses));
                long value = (long) Math.min(Long.MAX_VALUE / 4, Math.exp(rnd.nextDouble() * 46));
                String hash = String.format("0x%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), i);
                tx.write(hash); tx.write(",0,0x00,"); tx.write(Long.toString(block)); tx.write(',');
                tx.write(Integer.toString(index)); tx.write(','); tx.write(from); tx.write(','); tx.write(to); tx.write(',');
                tx.write(Long.toString(value)); tx.write(",21000,1000000000,0x,"); tx.write(Long.toString(time)); tx.write(",,,0\n");
                rc.write(hash); rc.write(','); rc.write(Integer.toString(index)); rc.write(",0x00,"); rc.write(Long.toString(block));
                rc.write(",21000,21000,,,"); rc.write(rnd.nextInt(50) == 0 ? "0" : "1"); rc.write(",1000000000\n");
                index++;
            }
        }
    }

    /** Seeds send early; hubs take ~10% of all transfers; the rest is Zipf-like over the address space. */
    private static String pick(SplittableRandom rnd, int addresses, long i, long n) {
        int r = rnd.nextInt(1000);
        if (i < n / 50 && r < 20) return SEEDS[rnd.nextInt(SEEDS.length)];
        if (r < 100) return HUBS[rnd.nextInt(HUBS.length)];
        double u = rnd.nextDouble();
        return address((int) (Math.pow(u, 2.5) * addresses));
    }

    private static String address(int k) {
        return String.format("0x%040x", 0x1000000L + k * 2654435761L);
    }
}
