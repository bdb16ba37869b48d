package dev.fundtrace.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The files a run read from one ledger folder. {@code sha256} is the digest of the folder's manifest, one line
 * {@code "<sha256>  <relative path>\n"} per file in byte order of the paths: the lines {@code sha256sum} prints, so
 * {@code (cd FOLDER && sha256sum FILES | LC_ALL=C sort -k 2 | sha256sum)} gives it again by hand.
 *
 * @param files      each file read, path relative to the folder; null when there are more than {@link #FILES_LISTED_MAX}
 *                   (the count, bytes and manifest digest still cover every one)
 * @param digestedAt when the files were read for their digests (a later night over the same export reuses them)
 */
public record FolderDigest(String path, int fileCount, long bytes, String sha256, String digestedAt,
                           List<FileDigest> files) {

    /** Beyond this many files a folder is recorded by its count, size and manifest digest only. */
    public static final int FILES_LISTED_MAX = 200;

    /** Digests {@code files} (inside {@code folder}) one after the other. */
    public static FolderDigest of(Path folder, List<Path> files) {
        Path base = folder.toAbsolutePath().normalize();
        List<FileDigest> each = new ArrayList<>(files.size());
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            String relative = base.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
            each.add(FileDigest.of(abs, relative));
        }
        return of(base.toString(), each, Instant.now());
    }

    static FolderDigest of(String folder, List<FileDigest> files, Instant at) {
        List<FileDigest> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileDigest::path, FolderDigest::byteOrder));
        MessageDigest manifest = FileDigest.newSha256();
        long bytes = 0;
        for (FileDigest f : sorted) {
            manifest.update((f.sha256() + "  " + f.path() + "\n").getBytes(StandardCharsets.UTF_8));
            bytes += f.bytes();
        }
        return new FolderDigest(folder, sorted.size(), bytes, HexFormat.of().formatHex(manifest.digest()),
                at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                sorted.size() > FILES_LISTED_MAX ? null : List.copyOf(sorted));
    }

    private static int byteOrder(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
