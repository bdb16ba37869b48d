package dev.fundtrace.results;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short texts (addresses) as one byte array with their ends, compared byte by byte: for the addresses of a
 * million flags as sort keys, a few dozen bytes each instead of a String object each. Addresses are ASCII, whose
 * byte order is {@link String#compareTo}'s. An account chain's address (0x and 40 lower-case hex digits) is also
 * kept as its 20 bytes in three numbers, which compare in the same order without touching the text: sorting a
 * trace's flags by address compared mostly such addresses, which share long prefixes.
 */
final class ByteArena {

    private byte[] bytes = new byte[1 << 12];
    private int[] ends = new int[256];
    private long[] hexHigh = new long[256], hexMid = new long[256];
    private int[] hexLow = new int[256];
    private boolean[] hex = new boolean[256];
    private int count, used;

    /** Appends {@code text} (null as empty); returns its index. */
    int add(String text) {
        byte[] b = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        if (count == ends.length) {
            int n = count * 2;
            ends = Arrays.copyOf(ends, n);
            hexHigh = Arrays.copyOf(hexHigh, n);
            hexMid = Arrays.copyOf(hexMid, n);
            hexLow = Arrays.copyOf(hexLow, n);
            hex = Arrays.copyOf(hex, n);
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        ends[count] = used;
        hex[count] = isHexAddress(b);
        if (hex[count]) {
            hexHigh[count] = nibbles(b, 2, 16);
            hexMid[count] = nibbles(b, 18, 16);
            hexLow[count] = (int) nibbles(b, 34, 8);
        }
        return count++;
    }

    int compare(int a, int b) {
        if (hex[a] && hex[b]) {
            int c = Long.compareUnsigned(hexHigh[a], hexHigh[b]);
            if (c == 0) c = Long.compareUnsigned(hexMid[a], hexMid[b]);
            if (c == 0) c = Integer.compareUnsigned(hexLow[a], hexLow[b]);
            return c;
        }
        int aFrom = a == 0 ? 0 : ends[a - 1], aTo = ends[a];
        int bFrom = b == 0 ? 0 : ends[b - 1], bTo = ends[b];
        return Arrays.compareUnsigned(bytes, aFrom, aTo, bytes, bFrom, bTo);
    }

    private static boolean isHexAddress(byte[] b) {
        if (b.length != 42 || b[0] != '0' || b[1] != 'x') return false;
        for (int i = 2; i < 42; i++) if (digit(b[i]) < 0) return false;
        return true;
    }

    /** Lower-case hex only: upper case sorts otherwise as text. */
    private static int digit(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    private static long nibbles(byte[] b, int from, int n) {
        long v = 0;
        for (int i = from; i < from + n; i++) v = v << 4 | digit(b[i]);
        return v;
    }
}
