package dev.fundtrace.chain.ethereum;

import org.bouncycastle.crypto.digests.KeccakDigest;

import java.nio.charset.StandardCharsets;

/**
 * EIP-55 mixed-case checksum of an Ethereum address. Uses Bouncy Castle's plain Keccak digest rather than going
 * through web3j's {@code Keys} and the JCA provider: the same hash, but a handful of classes instead of the
 * provider's hundreds, which cost half a second to load from a signed jar nested in the application jar.
 */
public final class Eip55 {

    private Eip55() {}

    /** {@code 0x…} with EIP-55 casing, for a lower-case {@code 0x} + 40 hex digit address. */
    public static String checksum(String lowerHex) {
        String hex = lowerHex.substring(2);
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] in = hex.getBytes(StandardCharsets.US_ASCII);
        keccak.update(in, 0, in.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        StringBuilder out = new StringBuilder(42).append("0x");
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
