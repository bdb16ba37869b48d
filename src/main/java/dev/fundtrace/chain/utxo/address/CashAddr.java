package dev.fundtrace.chain.utxo.address;

import java.util.Arrays;
import java.util.Locale;

/**
 * Bitcoin Cash's cashaddr format: a prefix ({@code bitcoincash}), base32 payload (version byte and hash) and a
 * 40-bit polymod checksum over prefix and payload. Type 0 is P2PKH, type 1 P2SH; a 20-byte hash has a legacy
 * Base58Check twin (versions 00 and 05), which is how Bitcoin SV reports the same coins.
 */
public final class CashAddr {

    public static final String PREFIX = "bitcoincash";
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final long[] GENERATOR = {0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L};
    private static final int[] HASH_BYTES = {20, 24, 28, 32, 40, 48, 56, 64};

    private CashAddr() {}

    /** A decoded address: type (0 P2PKH, 1 P2SH) and hash, or the reason it is not a cashaddr. */
    public record Decoded(int type, byte[] hash, String error) {
        public boolean ok() { return error == null; }

        /** The lower-case form with its {@code bitcoincash:} prefix. */
        public String canonical() { return encode(type, hash); }
    }

    /** Whether the text is shaped like a mainnet cashaddr (prefixed, or a bare {@code q…}/{@code p…}). */
    public static boolean looksLike(String text) {
        if (text.regionMatches(true, 0, PREFIX + ":", 0, PREFIX.length() + 1)) return true;
        if (text.length() < 42) return false;
        char c = text.charAt(0);
        return c == 'q' || c == 'p' || c == 'Q' || c == 'P';
    }

    /** Decodes a mainnet cashaddr; the {@code bitcoincash:} prefix is optional. */
    public static Decoded decode(String text) {
        boolean lower = false, upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') lower = true;
            if (c >= 'A' && c <= 'Z') upper = true;
        }
        if (lower && upper) return invalid("mixes upper and lower case");
        String s = text.toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String prefix = colon < 0 ? PREFIX : s.substring(0, colon);
        if (!prefix.equals(PREFIX)) return invalid("prefix '" + prefix + "' is not '" + PREFIX + "'");
        String body = s.substring(colon + 1);
        if (body.length() < 9) return invalid("too short for a cashaddr");
        byte[] data = new byte[body.length()];
        for (int i = 0; i < data.length; i++) {
            int d = CHARSET.indexOf(body.charAt(i));
            if (d < 0) return invalid("invalid cashaddr character '" + body.charAt(i) + "'");
            data[i] = (byte) d;
        }
        if (!checksumOk(prefix, data)) return invalid("cashaddr checksum mismatch");
        byte[] payload = BitGroups.regroup(Arrays.copyOf(data, data.length - 8), 0, 5, 8, false);
        if (payload == null || payload.length < 1) return invalid("invalid padding in the cashaddr payload");
        int version = payload[0] & 0xff;
        if ((version & 0x80) != 0) return invalid("reserved bit of the version byte is set");
        int type = (version >> 3) & 0x0f;
        if (type > 1) return invalid("type " + type + " is neither P2PKH (0) nor P2SH (1)");
        byte[] hash = Arrays.copyOfRange(payload, 1, payload.length);
        if (hash.length != HASH_BYTES[version & 7]) {
            return invalid("hash is " + hash.length + " bytes, the version byte says " + HASH_BYTES[version & 7]);
        }
        return new Decoded(type, hash, null);
    }

    /** The {@code bitcoincash:} form of a hash. */
    public static String encode(int type, byte[] hash) {
        int size = Arrays.binarySearch(HASH_BYTES, hash.length);
        if (size < 0 || type < 0 || type > 15) throw new IllegalArgumentException("no cashaddr for type " + type + ", " + hash.length + " bytes");
        byte[] payload = new byte[hash.length + 1];
        payload[0] = (byte) (type << 3 | size);
        System.arraycopy(hash, 0, payload, 1, hash.length);
        byte[] data = BitGroups.regroup(payload, 0, 8, 5, true);
        byte[] withChecksum = Arrays.copyOf(data, data.length + 8);
        long mod = polymod(PREFIX, withChecksum);
        for (int i = 0; i < 8; i++) withChecksum[data.length + i] = (byte) ((mod >>> (5 * (7 - i))) & 31);
        StringBuilder out = new StringBuilder(PREFIX).append(':');
        for (byte b : withChecksum) out.append(CHARSET.charAt(b));
        return out.toString();
    }

    /** The legacy Base58Check form (version 00 or 05) of a 20-byte cashaddr, or null when it has none. */
    public static String toLegacy(Decoded d) {
        if (!d.ok() || d.hash().length != 20) return null;
        byte[] payload = new byte[21];
        payload[0] = (byte) (d.type() == 0 ? 0x00 : 0x05);
        System.arraycopy(d.hash(), 0, payload, 1, 20);
        return Base58Check.encode(payload);
    }

    /** The cashaddr of a legacy Base58Check address with version 00 or 05, or null when it is not one. */
    public static String fromLegacy(String legacy) {
        Base58Check.Decoded d = Base58Check.decode(legacy);
        if (!d.ok() || d.payload().length != 21) return null;
        int version = d.payload()[0] & 0xff;
        if (version != 0x00 && version != 0x05) return null;
        return encode(version == 0 ? 0 : 1, Arrays.copyOfRange(d.payload(), 1, 21));
    }

    /** The checksum rule alone, for any prefix (the spec's checksum vectors use several). */
    static boolean checksumOk(String prefix, byte[] data) {
        return polymod(prefix, data) == 0;
    }

    static boolean checksumOk(String prefixed) {
        String s = prefixed.toLowerCase(Locale.ROOT);
        int colon = s.lastIndexOf(':');
        byte[] data = new byte[s.length() - colon - 1];
        for (int i = 0; i < data.length; i++) {
            int d = CHARSET.indexOf(s.charAt(colon + 1 + i));
            if (d < 0) return false;
            data[i] = (byte) d;
        }
        return checksumOk(s.substring(0, colon), data);
    }

    private static long polymod(String prefix, byte[] data) {
        long c = 1;
        for (int i = 0; i < prefix.length(); i++) c = step(c, prefix.charAt(i) & 31);
        c = step(c, 0);
        for (byte d : data) c = step(c, d);
        return c ^ 1;
    }

    private static long step(long c, int d) {
        int c0 = (int) (c >>> 35);
        c = ((c & 0x07ffffffffL) << 5) ^ d;
        for (int i = 0; i < 5; i++) if (((c0 >>> i) & 1) != 0) c ^= GENERATOR[i];
        return c;
    }

    private static Decoded invalid(String reason) {
        return new Decoded(-1, null, reason);
    }
}
