package dev.fundtrace.chain.ethereum.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A streaming, allocation-light CSV reader for the large ethereum-etl files (RFC 4180 quoting, LF or CRLF).
 * It reads a byte range in 4 MiB blocks and hands out one reused {@link CsvRow} per line, so a file can be
 * split between threads at line boundaries. Small files with free text (tokens.csv) use Commons CSV instead.
 */
public final class CsvScanner {

    private static final int BLOCK = 4 << 20;

    private final Path file;
    private final Map<String, Integer> columns;
    private final long dataStart;
    private final long size;

    private CsvScanner(Path file, Map<String, Integer> columns, long dataStart, long size) {
        this.file = file;
        this.columns = columns;
        this.dataStart = dataStart;
        this.size = size;
    }

    /** Opens a file and reads its header: columns are found by name, in any order. */
    public static CsvScanner open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 16));
            ch.read(head, 0);
            byte[] b = head.array();
            int n = head.position(), eol = 0;
            while (eol < n && b[eol] != '\n') eol++;
            if (eol == n && n == (1 << 16)) throw new IllegalArgumentException(file.getFileName() + ": line 1: header too long");
            int lineEnd = eol > 0 && b[eol - 1] == '\r' ? eol - 1 : eol;
            int from = 0;
            if (lineEnd >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) from = 3; // BOM
            Map<String, Integer> cols = new HashMap<>();
            String header = new String(b, from, lineEnd - from, StandardCharsets.UTF_8);
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                cols.putIfAbsent(names[i].trim().replace("\"", "").toLowerCase(Locale.ROOT), i);
            }
            return new CsvScanner(file, cols, Math.min(eol + 1, n), ch.size());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public String fileName() { return file.getFileName().toString(); }

    public long size() { return size; }

    /** Column index by header name, or -1. */
    public int column(String name) {
        return columns.getOrDefault(name, -1);
    }

    public boolean has(String name) { return columns.containsKey(name); }

    /**
     * Splits the data part into up to {@code parts} byte ranges that start at line starts.
     * Line numbers in later ranges are counted by the caller from the earlier ranges' line counts.
     */
    public List<long[]> split(int parts) {
        List<long[]> ranges = new ArrayList<>();
        long from = dataStart;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int p = 1; p < parts; p++) {
                long cut = dataStart + (size - dataStart) * p / parts;
                if (cut <= from) continue;
                ByteBuffer one = ByteBuffer.allocate(1 << 16);
                long pos = cut;
                outer:
                while (pos < size) {
                    one.clear();
                    int n = ch.read(one, pos);
                    if (n <= 0) break;
                    for (int i = 0; i < n; i++) {
                        if (one.get(i) == '\n') { pos += i + 1; break outer; }
                    }
                    pos += n;
                }
                if (pos >= size) break;
                ranges.add(new long[]{from, pos});
                from = pos;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        ranges.add(new long[]{from, size});
        return ranges;
    }

    /** Reads every row of the whole file. Line numbers are 1-based and count the header. */
    public long scan(Consumer<CsvRow> rows) {
        return scan(dataStart, size, 2, rows);
    }

    /**
     * Reads the rows in {@code [from, to)}, numbering them from {@code firstLine}; returns the number of lines
     * read (blank ones included, so ranges can be renumbered).
     */
    public long scan(long from, long to, long firstLine, Consumer<CsvRow> rows) {
        CsvRow row = new CsvRow();
        byte[] buf = new byte[BLOCK];
        long lines = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = from;
            int have = 0;
            while (true) {
                int want = (int) Math.min(buf.length - have, to - pos);
                if (want > 0) {
                    ByteBuffer bb = ByteBuffer.wrap(buf, have, want);
                    while (bb.hasRemaining()) {
                        int n = ch.read(bb, pos + (bb.position() - have));
                        if (n < 0) break;
                    }
                    int got = bb.position() - have;
                    pos += got;
                    have += got;
                }
                boolean last = pos >= to;
                int consumed = 0;
                while (true) {
                    int lineEnd = splitLine(buf, consumed, have, row);
                    if (lineEnd < 0) {
                        if (!last) break;
                        if (consumed >= have) break;
                        lineEnd = have; // final line without newline
                        split(buf, consumed, contentEnd(buf, consumed, lineEnd), row);
                    }
                    int contentEnd = contentEnd(buf, consumed, lineEnd);
                    if (contentEnd > consumed && !(contentEnd - consumed == 1 && buf[consumed] == 0x1A)) {
                        row.line = firstLine + lines;
                        rows.accept(row);
                    }
                    lines++;
                    consumed = Math.min(lineEnd + 1, have);
                    if (lineEnd == have) break;
                }
                if (last && consumed >= have) break;
                if (consumed == 0 && have == buf.length) {
                    byte[] bigger = new byte[buf.length * 2]; // a line longer than the block
                    System.arraycopy(buf, 0, bigger, 0, have);
                    buf = bigger;
                    continue;
                }
                System.arraycopy(buf, consumed, buf, 0, have - consumed);
                have -= consumed;
                if (last && have == 0) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        return lines;
    }

    /** End of a line's content: before a CR that ends it. */
    private static int contentEnd(byte[] b, int from, int lineEnd) {
        return lineEnd > from && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    /**
     * Splits the line starting at {@code from} into {@code row}'s fields (without a CR that ends it) and returns
     * the index of its '\n', or -1 when the line does not end before {@code to}. A line without quotes is found
     * and split in one pass, which is every ethereum-etl row; one with quotes takes the quote-aware path.
     */
    static int splitLine(byte[] b, int from, int to, CsvRow row) {
        int lineEnd = splitUnquoted(b, from, to, row);
        if (lineEnd != QUOTED) return lineEnd;
        lineEnd = nextLineEnd(b, from, to);
        if (lineEnd >= 0) split(b, from, contentEnd(b, from, lineEnd), row);
        return lineEnd;
    }

    private static final int QUOTED = -2;

    /** {@link #splitLine} for a line without quotes: {@link #QUOTED} as soon as it meets one. */
    private static int splitUnquoted(byte[] b, int from, int to, CsvRow row) {
        int[] start = row.start, end = row.end;
        int f = 0, fieldStart = from, i = from;
        while (true) {
            // eight bytes at a time to the next ',' '\n' or '"': the lowest flag of each search is exact, so the
            // lowest of the three is too
            int next = -1;
            while (i + 8 <= to) {
                long x = (long) LONGS.get(b, i);
                long m = zeroBytes(x ^ COMMAS) | zeroBytes(x ^ NEWLINES) | zeroBytes(x ^ QUOTES);
                if (m != 0) { next = i + (Long.numberOfTrailingZeros(m) >>> 3); break; }
                i += 8;
            }
            if (next < 0) {
                for (; i < to; i++) if (b[i] == ',' || b[i] == '\n' || b[i] == '"') { next = i; break; }
                if (next < 0) return -1;
            }
            byte c = b[next];
            if (c == '"') return QUOTED;
            if (f < start.length) {
                start[f] = fieldStart;
                end[f] = c == '\n' ? contentEnd(b, fieldStart, next) : next;
            }
            f++;
            if (c == '\n') {
                row.buf = b;
                row.fields = Math.min(f, start.length);
                return next;
            }
            i = fieldStart = next + 1;
        }
    }

    /** End of the line starting at {@code from} (index of '\n'), skipping newlines inside quotes; -1 if none yet. */
    static int nextLineEnd(byte[] b, int from, int to) {
        boolean quoted = false;
        int i = from;
        while (true) {
            // eight bytes at a time to the next '\n' or '"' (SWAR): lines are ~300 bytes, quotes are rare
            while (i + 8 <= to) {
                long x = (long) LONGS.get(b, i);
                long m = zeroBytes(x ^ NEWLINES) | zeroBytes(x ^ QUOTES);
                if (m != 0) { i += Long.numberOfTrailingZeros(m) >>> 3; break; }
                i += 8;
            }
            for (; i < to; i++) if (b[i] == '\n' || b[i] == '"') break;
            if (i >= to) return -1;
            if (b[i] == '"') quoted = !quoted;
            else if (!quoted) return i;
            i++;
        }
    }

    /** First index of a comma in {@code [from, to)}, or {@code to}. */
    static int nextComma(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long m = zeroBytes((long) LONGS.get(b, i) ^ COMMAS);
            if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
            i += 8;
        }
        while (i < to && b[i] != ',') i++;
        return i;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL, QUOTES = 0x2222222222222222L, COMMAS = 0x2C2C2C2C2C2C2C2CL;

    /**
     * High bit set in each byte of {@code v} that is zero. Only the lowest flag is exact (a borrow can flag a
     * byte above a zero one), which is the only one read.
     */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    static void split(byte[] b, int from, int to, CsvRow row) {
        row.buf = b;
        int f = 0, i = from;
        while (true) {
            if (f == row.start.length) { row.fields = f; return; }
            if (i < to && b[i] == '"') {
                int s = i + 1, j = s;
                while (j < to && !(b[j] == '"' && (j + 1 >= to || b[j + 1] != '"'))) j += b[j] == '"' ? 2 : 1;
                row.start[f] = s;
                row.end[f] = Math.min(j, to);
                i = j + 1;
                while (i < to && b[i] != ',') i++;
            } else {
                int s = i;
                i = nextComma(b, i, to);
                row.start[f] = s;
                row.end[f] = i;
            }
            f++;
            if (i >= to) break;
            i++; // the comma
            if (i == to) { row.start[f] = to; row.end[f] = to; f++; break; } // trailing empty field
        }
        row.fields = f;
    }
}
