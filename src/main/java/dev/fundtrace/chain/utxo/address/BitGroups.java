package dev.fundtrace.chain.utxo.address;

import java.io.ByteArrayOutputStream;

/** Regrouping bits between 8-bit bytes and the 5-bit groups of Bech32 and cashaddr (BIP-173's convertbits). */
final class BitGroups {

    private BitGroups() {}

    /**
     * {@code data[from..]} read as groups of {@code fromBits}, written as groups of {@code toBits}; null when a group
     * is out of range or, without {@code pad}, the leftover bits are not zero padding.
     */
    static byte[] regroup(byte[] data, int from, int fromBits, int toBits, boolean pad) {
        int acc = 0, bits = 0, maxv = (1 << toBits) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < data.length; i++) {
            int value = data[i] & 0xff;
            if ((value >>> fromBits) != 0) return null;
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) out.write((acc << (toBits - bits)) & maxv);
        } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0) {
            return null;
        }
        return out.toByteArray();
    }
}
