package dev.fundtrace.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How much an export holds, for progress lines: the rows of an ethereum-etl folder estimated from each file's size
 * and the line length of its first megabyte, and the bytes of a bitcoin-etl folder.
 */
final class CsvRowEstimate {
    private CsvRowEstimate() {}

    private static final int SAMPLE = 1 << 20;
    private static final List<String> ROW_FILES = List.of("transactions.csv", "receipts.csv", "token_transfers.csv", "traces.csv");

    /** The data rows of the export's large files, about; 0 when none can be read. */
    static long rows(Path folder) {
        long rows = 0;
        for (String name : ROW_FILES) {
            Path f = folder.resolve(name);
            if (Files.isRegularFile(f)) rows += rows(f, size(f));
        }
        return rows;
    }

    private static long rows(Path file, long size) {
        byte[] sample = new byte[(int) Math.min(SAMPLE, size)];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(sample, 0, sample.length);
        } catch (IOException e) {
            return 0; // the load reports the unreadable file
        }
        long lines = 0;
        for (int i = 0; i < n; i++) if (sample[i] == '\n') lines++;
        if (n == size) return Math.max(0, lines - 1);
        return lines == 0 ? 0 : Math.max(0, Math.round((double) size * lines / n) - 1);
    }

    /** Every regular file's size under {@code folder}, recursively. */
    static long bytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(CsvRowEstimate::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** {@code 1.2 GB}, {@code 340 MB}, {@code 12 kB} */
    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.0f kB", Math.max(1, bytes / 1024.0));
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
