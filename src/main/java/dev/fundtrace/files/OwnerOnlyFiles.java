package dev.fundtrace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database, the ledger's segment files and the reports name sanctioned parties and investigations: what
 * fundtrace creates is readable by its own user only (folders 0700, files 0600), whatever the umask.
 */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");

    /** For {@code Files.newByteChannel} / {@code FileChannel.open}: the mode of a file they create. */
    public static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];

    /** Creates the missing folders of {@code dir} owner-only (existing ones keep their mode). */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) return dir;
        Path parent = absolute.getParent();
        if (parent != null) createDirectories(parent);
        try {
            if (POSIX) Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
            else Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) throw e;
        }
        return dir;
    }

    /** Opens {@code file} for writing, created owner-only or truncated (and made owner-only) if it was there. */
    public static java.io.OutputStream newOutputStream(Path file) throws IOException {
        var channel = Files.newByteChannel(file, Set.of(java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE), FILE);
        restrict(file);
        return java.nio.channels.Channels.newOutputStream(channel);
    }

    /** Makes a file (or folder) that fundtrace wrote owner-only. */
    public static void restrict(Path path) {
        if (!POSIX || !Files.exists(path)) return;
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER_MODE : FILE_MODE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " private: " + e.getMessage(), e);
        }
    }
}
