package dev.fundtrace.results;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short texts (addresses) as one byte array with their ends, compared byte by byte: for the addresses of a
 * million flags as sort keys, a few dozen bytes each instead of a String object each. Addresses are ASCII, whose
 * byte order is {@link String#compareTo}'s.
 */
final class ByteArena {

    private byte[] bytes = new byte[1 << 12];
    private int[] ends = new int[256];
    private int count, used;

    /** Appends {@code text} (null as empty); returns its index. */
    int add(String text) {
        byte[] b = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        if (count == ends.length) ends = Arrays.copyOf(ends, count * 2);
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        ends[count] = used;
        return count++;
    }

    int compare(int a, int b) {
        int aFrom = a == 0 ? 0 : ends[a - 1], aTo = ends[a];
        int bFrom = b == 0 ? 0 : ends[b - 1], bTo = ends[b];
        return Arrays.compareUnsigned(bytes, aFrom, aTo, bytes, bFrom, bTo);
    }
}
