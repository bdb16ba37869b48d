package dev.fundtrace.bench;

import dev.fundtrace.chain.ethereum.etl.CsvScanner;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The floor under a load: split a file in two and scan it with a consumer that does nothing. */
public final class ScanOnly {
    public static void main(String[] args) throws Exception {
        CsvScanner csv = CsvScanner.open(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        var ranges = csv.split(threads);
        Thread[] ts = new Thread[ranges.size()];
        for (int i = 0; i < ts.length; i++) {
            long[] r = ranges.get(i);
            ts[i] = new Thread(() -> rows.addAndGet(csv.scan(r[0], r[1], 2, row -> { })));
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        System.out.printf("%s rows=%d in %.2f s%n", args[0], rows.get(), (System.nanoTime() - t0) / 1e9);
    }
}
