package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.jobfile.JobDefinition;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mines at least 10,000 blocks with transfers on a fresh Anvil (three transactions in every fifth block: ETH payments
 * around a ring of 50 addresses, every 5th a token transfer, every 25th an ETH forward through a contract) and gathers them
 * from one seed with a horizon wide enough to reach the whole ring, in both modes, batched and not.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.fundtrace.chain.ethereum.rpc.RpcGatherBenchmark
 * -Dexec.classpathScope=test -Danvil.bin=target/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}
 * (optional first argument: number of blocks).
 */
public final class RpcGatherBenchmark {
    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        BigInteger eth = BigInteger.TEN.pow(18);
        // Anvil keeps few historical states by default; tracing an old transaction then answers -32001
        // "Resource not found" (which the block scan reports as an error rather than dropping internal calls)
        try (Anvil anvil = Anvil.start("--max-persisted-states", String.valueOf(blocks + 100))) {
            List<String> ring = new ArrayList<>();
            for (int i = 0; i < 50; i++) ring.add(String.format("0x%040x", 0xbeef0000L + i));
            for (String p : ring) anvil.fund(p, eth.multiply(BigInteger.valueOf(1000)));
            String token = anvil.deploy(IraScenario.resource("MinimalToken.hex"));
            String forwarder = anvil.deploy(IraScenario.resource("Forwarder.hex"));
            long t0 = System.nanoTime();
            int sent = 0;
            // Anvil slows down with every block that changes state, so one block in five carries transactions
            // (three each) and the four between are empty: at 10,000 blocks that is 6,000 transactions.
            anvil.automine(false);
            while (anvil.blockNumber() < blocks) {
                for (int k = 0; k < 3; k++) {
                    String from = ring.get(sent % 50), to = ring.get((sent + 1) % 50);
                    if (sent % 25 == 24) anvil.send(from, forwarder, BigInteger.valueOf(1000 + sent), "0x" + Anvil.word(to), 100_000);
                    else if (sent % 5 == 4) anvil.send(from, token, BigInteger.ZERO, Anvil.tokenTransfer(to, BigInteger.valueOf(7 + sent)), 100_000);
                    else anvil.sendEth(from, to, BigInteger.valueOf(1_000_000 + sent));
                    sent++;
                }
                anvil.mine(1);
                anvil.mine(4);
            }
            anvil.automine(true);
            anvil.mine(12);
            System.out.printf("mined %d blocks with %d transactions in %.1f s%n", anvil.blockNumber(), sent, (System.nanoTime() - t0) / 1e9);
            System.out.println("mode          batchSize  maxInFlight  blocks  transfers  rpcCalls  httpRequests  seconds  blocks/s  transfers/s");
            for (boolean traceFilter : new boolean[]{false, true}) {
                for (int batch : new int[]{100, 1}) {
                    JobDefinition.Rpc o = new JobDefinition.Rpc(batch, 8, 100_000, 3, Duration.ofSeconds(60), 100_000, traceFilter);
                    GatherRequest req = new GatherRequest(anvil.url(), Set.of(ring.get(0)), Set.of(), 60, 0, "latest", 12, o, null, null);
                    long s = System.nanoTime();
                    GatherResult r = new RpcLedgerGatherer().gather(req);
                    double sec = (System.nanoTime() - s) / 1e9;
                    long range = r.toBlock() - r.fromBlock() + 1;
                    System.out.printf("%-13s %9d  %11d  %6d  %9d  %8d  %12d  %7.2f  %8.0f  %11.0f%n", r.mode(), batch, 8, range,
                            r.transfers().size(), r.rpcCalls(), r.httpAttempts(), sec, range / sec, r.transfers().size() / sec);
                    r.warnings().forEach(w -> System.out.println("  warning: " + w));
                }
            }
        }
    }
}
