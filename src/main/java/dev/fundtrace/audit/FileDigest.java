package dev.fundtrace.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file as a run read it: its path, size and SHA-256 (lower-case hex, what {@code sha256sum} prints).
 *
 * @param path the file's path (absolute, or relative to its ledger folder inside a {@link FolderDigest})
 */
public record FileDigest(String path, long bytes, String sha256) {

    private static final int BUFFER = 1 << 20;

    /** Reads {@code file} once, start to end. */
    public static FileDigest of(Path file) {
        return of(file, file.toAbsolutePath().normalize().toString());
    }

    /** Reads {@code file} once and names it {@code shownAs}. */
    public static FileDigest of(Path file, String shownAs) {
        MessageDigest sha = newSha256();
        long bytes = 0;
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
                sha.update(buffer.flip());
                buffer.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to take its SHA-256: " + e.getMessage(), e);
        }
        return new FileDigest(shownAs, bytes, HexFormat.of().formatHex(sha.digest()));
    }

    /** The digest of text as its UTF-8 bytes (a job file as the run keeps it). */
    public static FileDigest ofText(String path, String text) {
        return ofBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of a file's bytes read already (one read serves the parser and the digest). */
    public static FileDigest ofBytes(String path, byte[] bytes) {
        return new FileDigest(path, bytes.length, HexFormat.of().formatHex(newSha256().digest(bytes)));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
