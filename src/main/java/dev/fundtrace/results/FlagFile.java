package dev.fundtrace.results;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.report.ReportedFlag;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.rules.Flag;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * A trace's flags in report order, one record after the other (its length, then its fields), ending with a
 * trailer: how many flags of each severity and a mark that the file is whole. Each record starts with the flag's
 * key hash ({@link Flag#keyHash()}), so that a reader can tell which flags are new since another run without
 * holding either run's flags. Whether a flag is new is not stored: it depends on the night that reports it.
 */
final class FlagFile {

    private static final long END = 0x46544c4147530a31L; // "FTLAGS\n1"
    private static final String[] SEVERITIES = {"HIGH", "MEDIUM", "LOW"};

    private FlagFile() {}

    /** Writes flags one at a time, then the trailer. */
    static final class Writer implements AutoCloseable {
        private final OutputStream out;
        private final RecordBytes record = new RecordBytes();
        private final RecordBytes length = new RecordBytes();
        private final int[] bySeverity = new int[SEVERITIES.length];
        private int count;

        Writer(Path file) throws IOException {
            out = new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(file), 1 << 20);
        }

        /** @param keyHash the flag's {@link Flag#keyHash()} */
        void add(Flag f, long keyHash, String assetSymbol, int decimals) throws IOException {
            record.reset();
            record.writeLong(keyHash).writeString(f.id()).writeString(f.rule().name()).writeString(f.severity().name())
                    .writeString(f.address()).writeString(f.seed()).writeString(f.chain()).writeString(f.asset())
                    .writeString(assetSymbol).writeInt(f.hops()).writeStrings(f.flowIds()).writeStrings(f.evidence())
                    .writeString(f.explanation()).writeString(f.depositAddress()).writeString(f.amountRaw())
                    .writeInt(decimals);
            length.reset();
            length.writeInt(record.size());
            out.write(length.array(), 0, length.size());
            out.write(record.array(), 0, record.size());
            bySeverity[f.severity().ordinal()]++;
            count++;
        }

        int count() { return count; }

        @Override
        public void close() throws IOException {
            length.reset();
            length.writeInt(-1);
            for (int n : bySeverity) length.writeInt(n);
            length.writeLong(END);
            out.write(length.array(), 0, length.size());
            out.close();
        }
    }

    /** The counts of the trailer of a whole file; empty when the file is absent or cut short. */
    static java.util.Optional<Map<String, Integer>> counts(Path file) {
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        int trailer = 4 + 4 * SEVERITIES.length + 8;
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            if (c.size() < trailer) return java.util.Optional.empty();
            ByteBuffer b = ByteBuffer.allocate(trailer);
            while (b.hasRemaining()) if (c.read(b, c.size() - trailer + b.position()) < 0) break;
            b.flip();
            if (b.getInt() != -1) return java.util.Optional.empty();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String s : SEVERITIES) counts.put(s, b.getInt());
            return b.getLong() == END ? java.util.Optional.of(counts) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the flags in order, each handed to {@code each} as the report shows it, if {@code take} takes its key
     * hash; {@code isNew} says whether it is new since the last run.
     */
    static void read(Path file, LongPredicate take, LongPredicate isNew, Consumer<ReportedFlag> each) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            b.flip();
            while (true) {
                b = fill(c, b, 4);
                int n = b.getInt();
                if (n < 0) return; // the trailer
                b = fill(c, b, n);
                ByteBuffer record = b.slice(b.position(), n);
                b.position(b.position() + n);
                long key = record.getLong(0);
                if (!take.test(key)) continue;
                record.position(8);
                RecordReader in = new RecordReader(record);
                RunReport.FlagRow row = new RunReport.FlagRow(in.readString(), in.readString(), in.readString(),
                        in.readString(), in.readString(), in.readString(), in.readString(), in.readString(), in.readInt(),
                        in.readStrings(), in.readStringsLazily(), in.readString(), in.readString(), in.readString(),
                        isNew.test(key));
                int decimals = in.readInt();
                each.accept(new ReportedFlag(row, row.amountRaw(), row.flowIds().isEmpty() ? null : decimals));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code b} with at least {@code n} bytes remaining, read on from {@code c} (grown when a record is larger). */
    private static ByteBuffer fill(FileChannel c, ByteBuffer b, int n) throws IOException {
        if (b.remaining() >= n) return b;
        if (n > b.capacity()) {
            ByteBuffer larger = ByteBuffer.allocate(Integer.highestOneBit(n) << 1);
            larger.put(b);
            b = larger;
        } else {
            b.compact();
        }
        while (b.position() < n) {
            if (c.read(b) < 0) throw new IOException("cut short: " + n + " bytes expected");
        }
        return b.flip();
    }
}
