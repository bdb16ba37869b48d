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
        long[] parts = new long[4];
        return parse(bytes, from, length, parts) ? new Txid(parts[0], parts[1], parts[2], parts[3]) : null;
    }

    /** Parses 64 hex digits of ASCII bytes into {@code words[0..4)}; false when they are not that. */
    static boolean parse(byte[] bytes, int from, int length, long[] words) {
        if (length != 64) return false;
        if (from + 64 <= bytes.length) {
            // eight digits at a time (SWAR): a hash is parsed for every row and every input
            for (int p = 0; p < 4; p++) {
                long high = hex8(ByteWords.word(bytes, from + 16 * p)), low = hex8(ByteWords.word(bytes, from + 16 * p + 8));
                if ((high | low) < 0) return false;
                words[p] = high << 32 | low;
            }
            return true;
        }
        for (int p = 0; p < 4; p++) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                byte b = bytes[from + p * 16 + i];
                int digit = b >= 0 ? DIGIT[b] : -1;
                if (digit < 0) return false;
                v = v << 4 | digit;
            }
            words[p] = v;
        }
        return true;
    }

    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L, NIBBLES = 0x0F0F0F0F0F0F0F0FL;

    /** Eight hex digits (either case), read little-endian into {@code w}, as their 32-bit value; -1 when not that. */
    static long hex8(long w) {
        if ((w & HIGHS) != 0) return -1;
        long letters = inRange(w | 0x2020202020202020L, 'a', 'f');
        if ((inRange(w, '0', '9') | letters) != HIGHS) return -1;
        long v = (w & NIBBLES) + (letters >>> 7) * 9;
        // the first digit is the lowest byte and the highest nibble: pack nibbles, then bytes, then halves
        v = ((v << 4) | (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = ((v << 8) | (v >>> 16)) & 0x0000FFFF0000FFFFL;
        return ((v << 16) | (v >>> 32)) & 0xFFFFFFFFL;
    }

    /** The high bit of each byte of {@code w} (all below 0x80) that lies in [lo, hi]. */
    private static long inRange(long w, int lo, int hi) {
        return (w + (0x80 - lo) * ONES) & ~(w + (0x7F - hi) * ONES) & HIGHS;
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
