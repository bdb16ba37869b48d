package dev.fundtrace.results;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records appended to a temporary file and read back in any order once sealed (mapped, so that reading them in a
 * sorted order costs no system call per record): the records of a large trace's flags and flows live in the page
 * cache while they are sorted, not on the heap. The file is deleted on close.
 */
final class RecordSpool implements AutoCloseable {

    /** Mapped in windows of this size, each overlapping the next so that a record rarely straddles two. */
    private static final long WINDOW = 1L << 30, OVERLAP = 1L << 24;

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    private long[] offsets = new long[1024];
    private int count;
    private long size;
    private List<MappedByteBuffer> windows;
    private final byte[] scratch = new byte[1 << 16];

    private RecordSpool(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
    }

    /** A new spool file in {@code dir}, named after {@code name}. */
    static RecordSpool create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "." + name + "-", ".spool");
            return new RecordSpool(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends a record; returns its index. */
    int add(RecordBytes record) {
        return add(record.array(), 0, record.size());
    }

    int add(byte[] bytes, int from, int length) {
        if (windows != null) throw new IllegalStateException("spool sealed");
        if (count + 1 >= offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
        try {
            out.write(bytes, from, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        offsets[count++] = size;
        size += length;
        offsets[count] = size;
        return count - 1;
    }

    int size() { return count; }

    /** Ends the writing; the records can be read from now on. */
    void seal() {
        try {
            out.flush();
            windows = new ArrayList<>();
            for (long at = 0; at < size; at += WINDOW) {
                windows.add(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(size - at, WINDOW + OVERLAP)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Record {@code i}, as a buffer of its bytes from position 0. */
    ByteBuffer record(int i) {
        long from = offsets[i];
        int length = (int) (offsets[i + 1] - from);
        int w = (int) (from / WINDOW);
        long inWindow = from - (long) w * WINDOW;
        if (inWindow + length <= WINDOW + OVERLAP && w < windows.size()) {
            return windows.get(w).slice((int) inWindow, length);
        }
        ByteBuffer b = ByteBuffer.allocate(length); // a record longer than the windows' overlap
        try {
            while (b.hasRemaining()) channel.read(b, from + b.position());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return b.flip();
    }

    /** Record {@code i}'s bytes written to {@code to}. */
    void copy(int i, OutputStream to) throws IOException {
        ByteBuffer b = record(i);
        if (b.hasArray()) {
            to.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            return;
        }
        while (b.hasRemaining()) {
            int n = Math.min(scratch.length, b.remaining());
            b.get(scratch, 0, n);
            to.write(scratch, 0, n);
        }
    }

    @Override
    public void close() {
        windows = null; // the mappings go with the buffers; the file's space when they do
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
