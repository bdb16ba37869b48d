package dev.fundtrace.chain.utxo.address;

import java.util.Locale;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) decoding, ported from the BIP reference logic,
 * plus the segwit address rules on top (witness version, program length, which checksum variant).
 */
final class Bech32 {

    /** The two checksum variants; they differ only in the constant the polymod must produce. */
    enum Encoding {
        BECH32(1), BECH32M(0x2bc830a3);

        final int constant;

        Encoding(int constant) { this.constant = constant; }
    }

    /** A decoded string: human-readable part, 5-bit data without the checksum, and its variant. */
    record Decoded(String hrp, byte[] data, Encoding encoding) {}

    /** A decoded segwit address, or the reason it is not one. */
    record Segwit(int version, byte[] program, String error) {
        boolean ok() { return error == null; }
    }

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {}

    private static int polymod(byte[] values) {
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ (v & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    /** Decodes a Bech32 or Bech32m string; returns null when it is neither (the BIP reference returns None). */
    static Decoded decode(String text) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) return null;
            if (c >= 'a' && c <= 'z') lower = true;
            if (c >= 'A' && c <= 'Z') upper = true;
        }
        if (lower && upper) return null;
        String s = text.toLowerCase(Locale.ROOT);
        int pos = s.lastIndexOf('1');
        if (pos < 1 || pos + 7 > s.length() || s.length() > 90) return null;
        byte[] data = new byte[s.length() - pos - 1];
        for (int i = 0; i < data.length; i++) {
            int d = CHARSET.indexOf(s.charAt(pos + 1 + i));
            if (d < 0) return null;
            data[i] = (byte) d;
        }
        String hrp = s.substring(0, pos);
        byte[] expanded = hrpExpand(hrp);
        byte[] all = new byte[expanded.length + data.length];
        System.arraycopy(expanded, 0, all, 0, expanded.length);
        System.arraycopy(data, 0, all, expanded.length, data.length);
        int check = polymod(all);
        Encoding encoding = check == Encoding.BECH32.constant ? Encoding.BECH32
                : check == Encoding.BECH32M.constant ? Encoding.BECH32M : null;
        if (encoding == null) return null;
        byte[] withoutChecksum = new byte[data.length - 6];
        System.arraycopy(data, 0, withoutChecksum, 0, withoutChecksum.length);
        return new Decoded(hrp, withoutChecksum, encoding);
    }

    /** Decodes a segwit address for the given human-readable part ("bc" for Bitcoin mainnet). */
    static Segwit decodeSegwit(String expectedHrp, String address) {
        Decoded d = decode(address);
        if (d == null) return new Segwit(-1, null, "not valid Bech32/Bech32m (bad character, mixed case, length or checksum)");
        if (!d.hrp().equals(expectedHrp)) return new Segwit(-1, null, "prefix '" + d.hrp() + "' is not '" + expectedHrp + "'");
        if (d.data().length < 1) return new Segwit(-1, null, "empty data section");
        int version = d.data()[0];
        if (version > 16) return new Segwit(version, null, "witness version " + version + " is above 16");
        byte[] program = BitGroups.regroup(d.data(), 1, 5, 8, false);
        if (program == null) return new Segwit(version, null, "invalid padding in the data section");
        if (program.length < 2 || program.length > 40) {
            return new Segwit(version, null, "witness program is " + program.length + " bytes, expected 2 to 40");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            return new Segwit(version, null, "witness v0 program is " + program.length + " bytes, expected 20 or 32");
        }
        // BIP-350: v0 keeps Bech32, every later version must use Bech32m
        Encoding required = version == 0 ? Encoding.BECH32 : Encoding.BECH32M;
        if (d.encoding() != required) {
            return new Segwit(version, null, "witness v" + version + " needs " + required + " checksum, found " + d.encoding());
        }
        return new Segwit(version, program, null);
    }
}
