package dev.fundtrace.chain.utxo.etl;

/** A 32-byte transaction hash as four longs: a cheap map key, compared exactly, shown lower-case. */
record Txid(long a, long b, long c, long d) {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Parses 64 hex digits (either case) at {@code chars[from..from+64)}; null when they are not that. */
    static Txid parse(char[] chars, int from, int length) {
        if (length != 64) return null;
        long[] parts = new long[4];
        for (int p = 0; p < 4; p++) {
            long v = 0;
            for (int i = 0; i < 16; i++) {
                int digit = Character.digit(chars[from + p * 16 + i], 16);
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

    @Override
    public int hashCode() {
        // the bytes of a hash are already uniform: one word is enough
        return (int) (a ^ (a >>> 32));
    }

    @Override
    public String toString() { return hex(); }
}
