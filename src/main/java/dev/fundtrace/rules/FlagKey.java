package dev.fundtrace.rules;

import java.nio.ByteBuffer;

/**
 * A flag's identity as a 64-bit number: the first eight bytes of the SHA-256 of {@link Flag#key()}, whose first
 * six are its id. Runs compare their flags by it ("new since the last run"), kept as a sorted array per run.
 */
public final class FlagKey {

    private FlagKey() {}

    public static long hash(String key) {
        return hash(ShortHash.digest(key));
    }

    /** The hash of a key's digest ({@link ShortHash#digest}). */
    static long hash(byte[] digest) {
        return ByteBuffer.wrap(digest).getLong();
    }
}
