package dev.fundtrace.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids of flows and flags: the first 6 bytes of a SHA-256 of their key, in hex (the same every night). */
final class ShortHash {

    private ShortHash() {}

    // one digest per thread: asking the provider for one per flow and flag showed in the flag step's profile
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String of(String key) {
        return hex(digest(key));
    }

    /** The short hash of a key's {@link #digest}. */
    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    static byte[] digest(String key) {
        return SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
