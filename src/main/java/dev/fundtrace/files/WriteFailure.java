package dev.fundtrace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one message a failed write gives, whoever wrapped the error on the way up (Thymeleaf says "An error happened
 * during template rendering", Jackson and the executors add layers of their own): {@code cannot write <file>: <why>},
 * where a full disk reads {@code no space left on device}.
 */
public final class WriteFailure {

    private WriteFailure() {}

    /** A failed write of {@code file}. */
    public static UncheckedIOException of(Path file, IOException e) {
        return new UncheckedIOException("cannot write " + file + ": " + reason(e), e);
    }

    /**
     * A runtime exception thrown while writing {@code file}: the same message when an I/O error caused it, else the
     * exception itself (a bug is not a write failure).
     */
    public static RuntimeException of(Path file, RuntimeException e) {
        IOException io = ioCause(e);
        return io == null ? e : new UncheckedIOException("cannot write " + file + ": " + reason(io), io);
    }

    /** The first I/O error in the chain of causes, or null. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) return deepest(io);
        }
        return null;
    }

    /** An I/O error wrapped in another one (our own writers wrap, then rethrow) is described by the innermost. */
    private static IOException deepest(IOException io) {
        IOException last = io;
        for (Throwable t = io.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException inner) last = inner;
        }
        return last;
    }

    /** What the system said, in a few words: {@code no space left on device} for a full disk. */
    public static String reason(IOException e) {
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null) return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        if (text.toLowerCase(Locale.ROOT).contains("no space left on device")) return "no space left on device";
        if (text.toLowerCase(Locale.ROOT).contains("disk quota exceeded")) return "disk quota exceeded";
        return text;
    }
}
