package dev.fundtrace.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Takes input files' digests on a thread of its own, so that a step reads its files and they are hashed at the
 * same time: a large export costs the night the hashing that does not overlap with parsing, not all of it.
 */
public final class Digests {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fundtrace-digests");
        t.setDaemon(true); // a JVM that is done does not wait for a digest nobody asked for any more
        return t;
    });

    private Digests() {}

    public static CompletableFuture<List<FileDigest>> ofFiles(List<Path> files) {
        return CompletableFuture.supplyAsync(() -> files.stream().map(FileDigest::of).toList(), THREAD);
    }

    public static CompletableFuture<FolderDigest> ofFolder(Path folder, List<Path> files) {
        return CompletableFuture.supplyAsync(() -> FolderDigest.of(folder, files), THREAD);
    }

    /** The value of a digest started earlier; its failure (a file gone or unreadable) as thrown. */
    public static <T> T await(CompletableFuture<T> digest) {
        return dev.fundtrace.concurrent.Futures.join(digest);
    }
}
