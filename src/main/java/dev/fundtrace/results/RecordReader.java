package dev.fundtrace.results;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link RecordBytes} wrote, in the same order, from a buffer positioned at the record. */
final class RecordReader {

    private final ByteBuffer in;

    RecordReader(ByteBuffer in) {
        this.in = in;
    }

    int readInt() { return in.getInt(); }

    long readLong() { return in.getLong(); }

    String readString() {
        int n = in.getInt();
        if (n < 0) return null;
        String s;
        if (in.hasArray()) {
            s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        } else {
            byte[] b = new byte[n];
            in.get(in.position(), b);
            s = new String(b, StandardCharsets.UTF_8);
        }
        in.position(in.position() + n);
        return s;
    }

    List<String> readStrings() {
        int n = in.getInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(readString());
        return out;
    }

    /** The same texts as {@link #readStrings}, decoded only when first used (see {@link LazyStrings}). */
    List<String> readStringsLazily() {
        int n = in.getInt();
        int from = in.position(), at = from;
        for (int i = 0; i < n; i++) {
            int length = in.getInt(at);
            at += 4 + Math.max(length, 0);
        }
        byte[] b = new byte[at - from];
        in.get(from, b);
        in.position(at);
        return new LazyStrings(b, n);
    }

    BigInteger readInteger() {
        String s = readString();
        return s == null ? null : new BigInteger(s);
    }
}
