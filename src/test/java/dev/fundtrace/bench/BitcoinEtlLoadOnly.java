package dev.fundtrace.bench;

import dev.fundtrace.chain.utxo.etl.BitcoinEtlLoader;
import dev.fundtrace.chain.utxo.etl.UtxoLoad;
import dev.fundtrace.ledger.Chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Loads a bitcoin-etl folder without the job around it and prints the rate. Usage: {@code dir [rounds]}. */
public final class BitcoinEtlLoadOnly {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        for (int round = 0; round < Integer.parseInt(args.length > 1 ? args[1] : "1"); round++) {
            long t0 = System.nanoTime();
            long cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
            UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 0.01);
            double s = (System.nanoTime() - t0) / 1e9;
            // the CPU time says what the machine's cores cost, also when other work shares them
            double cpu = (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - cpu0) / 1e9;
            System.out.printf("rows=%d transactions=%d outputs=%d refused=%d in %.2f s: %.0f MB/s; %.1f CPU s: %.0f MB per CPU s%n",
                    load.rowsRead(), load.ledger().coverage().transactions(), load.ledger().coverage().outputs(),
                    load.rejections().size(), s, bytes / 1e6 / s, cpu, bytes / 1e6 / cpu);
        }
    }
}
