package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.ledger.store.SegmentBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** blocks.csv: timestamps for rows that lack them (token transfers and traces carry none). */
final class BlockTimes {
    private BlockTimes() {}

    static void read(Path dir, SegmentBuilder into, List<String> warnings) {
        Path file = dir.resolve("blocks.csv");
        if (into == null || !Files.isRegularFile(file)) return;
        CsvScanner csv = CsvScanner.open(file);
        int cNumber = csv.column("number"), cTime = csv.column("timestamp");
        if (cNumber < 0 || cTime < 0) {
            warnings.add("blocks.csv has no number/timestamp columns; block times come from transactions.csv only");
            return;
        }
        long[] bad = {0};
        csv.scan(row -> {
            long n = row.longValue(cNumber), t = row.longValue(cTime);
            if (n < 0 || t < 0) bad[0]++;
            else into.blockTime(n, t);
        });
        if (bad[0] > 0) warnings.add("blocks.csv: " + bad[0] + " rows without a usable number or timestamp were skipped");
    }
}
