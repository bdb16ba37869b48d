package dev.fundtrace.ledger.store;

/** Hex helpers for addresses (20 bytes) and hashes (32 bytes); lower-case output, strict input. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** Value of a hex digit, or -1. */
    public static int digit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Parses {@code 0x} + 2n hex digits from bytes into out; false when malformed or of the wrong length. */
    public static boolean parse(byte[] s, int from, int to, byte[] out, int outOff, int n) {
        if (to - from != 2 + 2 * n || s[from] != '0' || (s[from + 1] != 'x' && s[from + 1] != 'X')) return false;
        int p = from + 2;
        for (int i = 0; i < n; i++) {
            int hi = digit(s[p++]), lo = digit(s[p++]);
            if ((hi | lo) < 0) return false;
            out[outOff + i] = (byte) (hi << 4 | lo);
        }
        return true;
    }

    /** 20 bytes of a {@code 0x…} address string, or null when malformed. */
    public static byte[] address(String hex) {
        return bytes(hex, 20);
    }

    public static byte[] bytes(String hex, int n) {
        if (hex == null) return null;
        byte[] s = hex.trim().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[n];
        return parse(s, 0, s.length, out, 0, n) ? out : null;
    }

    public static String encode0x(byte[] b) {
        return encode0x(b, 0, b.length);
    }

    public static String encode0x(byte[] b, int off, int len) {
        char[] c = new char[2 + 2 * len];
        c[0] = '0';
        c[1] = 'x';
        for (int i = 0; i < len; i++) {
            c[2 + 2 * i] = DIGITS[(b[off + i] >> 4) & 0xF];
            c[3 + 2 * i] = DIGITS[b[off + i] & 0xF];
        }
        return new String(c);
    }
}
