package dev.fundtrace.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes an enriched bitcoin-etl export (export_all shape: blocks and enriched_transactions JSON lines) with
 * rows as large as real ones: scripts of real length, about two inputs and 1.5 outputs per transaction, inputs
 * spending earlier outputs of the export or, at the start, coins from before it. Usage: {@code dir [transactions]}.
 */
public final class SyntheticBitcoinEtl {

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int PER_BLOCK = 2500;
    private static final long FIRST_BLOCK = 650_000;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        write(dir, n, new SplittableRandom(14));
    }

    static void write(Path dir, int n, SplittableRandom rnd) throws IOException {
        String[] addresses = new String[200_000];
        for (int i = 0; i < addresses.length; i++) addresses[i] = address(rnd, i % 3 == 0);
        // unspent outputs of the export, as a ring the inputs take from
        int ring = 1 << 21;
        String[] utxoTx = new String[ring];
        int[] utxoVout = new int[ring], utxoAddr = new int[ring];
        long[] utxoValue = new long[ring];
        int head = 0, tail = 0;
        try (BufferedWriter tx = Files.newBufferedWriter(dir.resolve("enriched_transactions_650000_651000.json"), StandardCharsets.UTF_8);
             BufferedWriter blocks = Files.newBufferedWriter(dir.resolve("blocks_650000_651000.json"), StandardCharsets.UTF_8)) {
            StringBuilder row = new StringBuilder(4096);
            for (int i = 0; i < n; i++) {
                long block = FIRST_BLOCK + i / PER_BLOCK;
                int index = i % PER_BLOCK;
                long time = 1_600_000_000L + (block - FIRST_BLOCK) * 600;
                if (index == 0) {
                    blocks.write("{\"hash\": \"" + hex(rnd, 32) + "\", \"size\": 1300000, \"stripped_size\": 900000, \"weight\": 3993000, "
                            + "\"number\": " + block + ", \"version\": 536870912, \"merkle_root\": \"" + hex(rnd, 32) + "\", \"timestamp\": "
                            + time + ", \"nonce\": \"1b2c3d4e\", \"bits\": \"170e2632\", \"coinbase_param\": \"" + hex(rnd, 40)
                            + "\", \"transaction_count\": " + Math.min(PER_BLOCK, n - i) + "}\n");
                }
                String hash = hex(rnd, 32);
                boolean coinbase = index == 0;
                int ins = coinbase ? 0 : 1 + (rnd.nextInt(5) == 0 ? 1 : 0) + (rnd.nextInt(20) == 0 ? 2 : 0);
                row.setLength(0);
                row.append("{\"hash\": \"").append(hash).append("\", \"size\": 400, \"virtual_size\": 250, \"version\": 2, \"lock_time\": 0, ")
                        .append("\"block_number\": ").append(block).append(", \"block_hash\": \"").append(hex(rnd, 32))
                        .append("\", \"block_timestamp\": ").append(time).append(", \"is_coinbase\": ").append(coinbase)
                        .append(", \"index\": ").append(index).append(", \"inputs\": [");
                long in = 0;
                for (int k = 0; k < ins; k++) {
                    String spent;
                    int vout, addr;
                    long value;
                    // spend an export coin once enough are waiting, else one from before the export
                    if (tail - head > 50_000 && rnd.nextInt(10) != 0) {
                        int at = head++ & (ring - 1);
                        spent = utxoTx[at]; vout = utxoVout[at]; value = utxoValue[at]; addr = utxoAddr[at];
                    } else {
                        spent = hex(rnd, 32); vout = rnd.nextInt(4); value = 10_000 + rnd.nextLong(100_000_000); addr = rnd.nextInt(addresses.length);
                    }
                    in += value;
                    if (k > 0) row.append(", ");
                    row.append("{\"index\": ").append(k).append(", \"spent_transaction_hash\": \"").append(spent)
                            .append("\", \"spent_output_index\": ").append(vout).append(", \"script_asm\": \"").append(hex(rnd, 71))
                            .append("[ALL] ").append(hex(rnd, 33)).append("\", \"script_hex\": \"").append(hex(rnd, 106))
                            .append("\", \"sequence\": 4294967295, \"required_signatures\": 1, \"type\": \"pubkeyhash\", \"addresses\": [\"")
                            .append(addresses[addr]).append("\"], \"value\": ").append(value).append('}');
                }
                row.append("], \"outputs\": [");
                int outs = rnd.nextInt(2) == 0 ? 1 : 2;
                long total = coinbase ? 625_000_000L : in - Math.min(in / 2, 1_000 + rnd.nextInt(20_000));
                long outValue = 0;
                for (int k = 0; k < outs; k++) {
                    long value = k == outs - 1 ? total - outValue : total / 3;
                    outValue += value;
                    int addr = rnd.nextInt(addresses.length);
                    String h160 = hex(rnd, 20);
                    if (k > 0) row.append(", ");
                    row.append("{\"index\": ").append(k).append(", \"script_asm\": \"OP_DUP OP_HASH160 ").append(h160)
                            .append(" OP_EQUALVERIFY OP_CHECKSIG\", \"script_hex\": \"76a914").append(h160)
                            .append("88ac\", \"required_signatures\": 1, \"type\": \"pubkeyhash\", \"addresses\": [\"")
                            .append(addresses[addr]).append("\"], \"value\": ").append(value).append('}');
                    if (tail - head < ring) {
                        int at = tail++ & (ring - 1);
                        utxoTx[at] = hash; utxoVout[at] = k; utxoValue[at] = value; utxoAddr[at] = addr;
                    }
                }
                row.append("], \"input_count\": ").append(ins).append(", \"output_count\": ").append(outs)
                        .append(", \"input_value\": ").append(in).append(", \"output_value\": ").append(outValue)
                        .append(", \"fee\": ").append(coinbase ? 0 : in - outValue).append("}\n");
                tx.append(row);
            }
        }
    }

    private static String address(SplittableRandom rnd, boolean bech32) {
        StringBuilder s = new StringBuilder(bech32 ? "bc1q" : "1");
        String alphabet = bech32 ? BECH : B58;
        for (int i = 0, n = bech32 ? 38 : 33; i < n; i++) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return s.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hex(SplittableRandom rnd, int bytes) {
        char[] out = new char[bytes * 2];
        for (int i = 0; i < out.length; i++) out[i] = HEX[rnd.nextInt(16)];
        return new String(out);
    }
}
