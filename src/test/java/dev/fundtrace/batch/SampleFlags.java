package dev.fundtrace.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample job's flags as the independent references computed them ({@code sample-data/expected/flags.csv} for
 * Ethereum, {@code utxo-flags.csv} for the UTXO chains), and the same key of a flagged-flows.csv row, so that a test
 * compares a run's flags with them in one line.
 */
final class SampleFlags {

    private SampleFlags() {}

    static Set<String> expected() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (CSVRecord r : csv(Path.of("sample-data/expected/flags.csv"))) {
            keys.add(r.get("rule") + "|ethereum|" + r.get("asset") + "|" + r.get("address") + "|" + r.get("hops"));
        }
        for (CSVRecord r : csv(Path.of("sample-data/expected/utxo-flags.csv"))) {
            keys.add(r.get("rule") + "|" + r.get("chain") + "|" + r.get("asset") + "|" + r.get("address") + "|" + r.get("severity"));
        }
        return keys;
    }

    /** The keys of a report's flagged-flows.csv: Ethereum rows with their hops, UTXO rows with their severity. */
    static Set<String> of(Path flaggedFlowsCsv) throws Exception {
        Set<String> keys = new TreeSet<>();
        for (CSVRecord r : csv(flaggedFlowsCsv)) {
            boolean eth = r.get("chain").equals("ethereum");
            keys.add(r.get("rule") + "|" + r.get("chain") + "|" + r.get("asset") + "|" + r.get("address") + "|"
                    + (eth ? r.get("hops") : r.get("severity")));
        }
        return keys;
    }

    private static Iterable<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
