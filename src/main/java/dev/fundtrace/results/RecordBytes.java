package dev.fundtrace.results;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One record being written into a growing byte array: ints, longs, and strings as a length (-1 for null) and their
 * UTF-8 bytes. {@link RecordReader} reads them back in the same order. Reused record after record: {@link #reset}.
 */
final class RecordBytes {

    private byte[] bytes = new byte[512];
    private int size;

    void reset() { size = 0; }

    byte[] array() { return bytes; }

    int size() { return size; }

    RecordBytes writeInt(int v) {
        room(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
        return this;
    }

    RecordBytes writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    RecordBytes writeString(String s) {
        if (s == null) return writeInt(-1);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    RecordBytes writeStrings(List<String> list) {
        writeInt(list.size());
        for (String s : list) writeString(s);
        return this;
    }

    RecordBytes writeInteger(BigInteger v) {
        return writeString(v == null ? null : v.toString());
    }

    RecordBytes writeBytes(byte[] b, int from, int length) {
        room(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
        return this;
    }

    private void room(int n) {
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
}
