package dev.fundtrace.chain.utxo.address;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58Check decoding (Bitcoin alphabet, 4-byte double-SHA-256 checksum), used by XBT and its forks' legacy addresses. */
final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Check() {}

    /** Decoded payload (version bytes + hash) or the reason it is not valid Base58Check. */
    record Decoded(byte[] payload, String error) {
        boolean ok() { return error == null; }
    }

    static Decoded decode(String text) {
        if (text.isEmpty()) return new Decoded(null, "empty");
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) return new Decoded(null, "invalid Base58 character '" + text.charAt(i) + "'");
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.toByteArray();
        // BigInteger adds a sign byte when the top bit is set; drop it
        if (magnitude.length > 1 && magnitude[0] == 0) magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        if (value.signum() == 0) magnitude = new byte[0];
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') leadingZeros++;
        byte[] bytes = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, bytes, leadingZeros, magnitude.length);
        if (bytes.length < 5) return new Decoded(null, "too short for Base58Check");
        byte[] payload = Arrays.copyOfRange(bytes, 0, bytes.length - 4);
        byte[] checksum = Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
        byte[] expected = Arrays.copyOf(doubleSha256(payload), 4);
        if (!Arrays.equals(checksum, expected)) return new Decoded(null, "Base58Check checksum mismatch");
        return new Decoded(payload, null);
    }

    /** Base58Check text of a payload (version bytes + hash): the payload, then its 4-byte checksum. */
    static String encode(byte[] payload) {
        byte[] bytes = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(doubleSha256(payload), 0, bytes, payload.length, 4);
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) out.append('1');
        return out.reverse().toString();
    }

    static byte[] doubleSha256(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(sha.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
