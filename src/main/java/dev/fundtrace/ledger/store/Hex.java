package dev.fundtrace.ledger.store;

/** Hex helpers for addresses (20 bytes) and hashes (32 bytes); lower-case output, strict input. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    private static final byte[] VALUE = new byte[256];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) VALUE[c] = (byte) (c - '0');
        for (int c = 'a'; c <= 'f'; c++) VALUE[c] = (byte) (c - 'a' + 10);
        for (int c = 'A'; c <= 'F'; c++) VALUE[c] = (byte) (c - 'A' + 10);
    }

    /** Value of a hex digit, or -1 (a table: this runs for every character of every hash and address loaded). */
    public static int digit(int c) {
        return VALUE[c & 0xFF];
    }

    /** Parses {@code 0x} + 2n hex digits from bytes into out; false when malformed or of the wrong length. */
    public static boolean parse(byte[] s, int from, int to, byte[] out, int outOff, int n) {
        if (to - from != 2 + 2 * n || s[from] != '0' || (s[from + 1] != 'x' && s[from + 1] != 'X')) return false;
        int p = from + 2;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int hi = VALUE[s[p++] & 0xFF], lo = VALUE[s[p++] & 0xFF];
            bad |= hi | lo;
            out[outOff + i] = (byte) (hi << 4 | lo);
        }
        return bad >= 0; // one check at the end: no branch per character
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
