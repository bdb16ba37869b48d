package dev.fundtrace.chain.utxo.etl;

/** A 32-byte transaction hash as four longs: a cheap map key, compared exactly, shown lower-case. */
record Txid(long a, long b, long c, long d) {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] DIGIT = new byte[128];

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < 16; i++) {
            DIGIT["0123456789abcdef".charAt(i)] = (byte) i;
            DIGIT["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    /** Parses 64 hex digits (either case) at {@code chars[from..from+64)}; null when they are not that. */
    static Txid parse(char[] chars, int from, int length) {
        if (length != 64) return null;
        long[] parts = new long[4];
        for (int p = 0; p < 4; p++) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                char ch = chars[from + p * 16 + i];
                int digit = ch < 128 ? DIGIT[ch] : -1;
                if (digit < 0) return null;
                v = v << 4 | digit;
            }
            parts[p] = v;
        }
        return new Txid(parts[0], parts[1], parts[2], parts[3]);
    }

    /** Like {@link #parse(char[], int, int)} over ASCII bytes. */
    static Txid parse(byte[] bytes, int from, int length) {
        if (length != 64) return null;
        long[] parts = new long[4];
        for (int p = 0; p < 4; p++) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                byte b = bytes[from + p * 16 + i];
                int digit = b >= 0 ? DIGIT[b] : -1;
                if (digit < 0) return null;
                v = v << 4 | digit;
            }
            parts[p] = v;
        }
        return new Txid(parts[0], parts[1], parts[2], parts[3]);
    }

    static Txid parse(String hex) {
        return parse(hex.toCharArray(), 0, hex.length());
    }

    String hex() {
        char[] out = new char[64];
        long[] parts = {a, b, c, d};
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 16; i++) out[p * 16 + i] = HEX[(int) (parts[p] >>> (60 - 4 * i)) & 15];
        }
        return new String(out);
    }

    /** The 32 bytes in the order they are written. */
    byte[] bytes() {
        byte[] out = new byte[32];
        long[] parts = {a, b, c, d};
        for (int p = 0; p < 4; p++) for (int i = 0; i < 8; i++) out[p * 8 + i] = (byte) (parts[p] >>> (56 - 8 * i));
        return out;
    }

    @Override
    public int hashCode() {
        // the bytes of a hash are already uniform: one word is enough
        return (int) (a ^ (a >>> 32));
    }

    @Override
    public String toString() { return hex(); }
}
