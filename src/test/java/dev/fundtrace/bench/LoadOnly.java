package dev.fundtrace.bench;

import dev.fundtrace.chain.ethereum.etl.EtlExportLoader;

import java.nio.file.Path;

/** Loads an export without the job around it, to time the parser alone. */
public final class LoadOnly {
    public static void main(String[] args) {
        for (int round = 0; round < Integer.parseInt(args.length > 1 ? args[1] : "1"); round++) {
            long t0 = System.nanoTime();
            var r = new EtlExportLoader(Runtime.getRuntime().availableProcessors(), null).load(Path.of(args[0]), false, 0.01);
            System.out.printf("rows=%d transfers=%d in %.2f s%n", r.rowsRead(), r.transfers(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
