package dev.fundtrace.runlock;

import dev.fundtrace.files.OwnerOnlyFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The embedded H2 file opens in one process only (no server mode: it would listen on a port), so its lock covers
 * the whole database, whatever the job: {@code <db>.run.lock} beside it, an OS lock on it, and the owner written
 * inside for whoever finds it held. The OS drops the lock when its process dies, however it dies.
 */
final class EmbeddedDatabaseLock implements RunLock {
    private final FileChannel channel;
    private final FileLock lock;
    private final LockOwner owner;

    private EmbeddedDatabaseLock(FileChannel channel, FileLock lock, LockOwner owner) {
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
    }

    static Path lockFile(Path h2File) {
        return h2File.resolveSibling(h2File.getFileName() + ".run.lock");
    }

    static RunLock acquire(Path h2File, LockOwner me) {
        Path file = lockFile(h2File);
        FileChannel channel = null;
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), OwnerOnlyFiles.FILE);
            FileLock lock = tryLock(channel);
            // the holder writes its name just after taking the lock and clears it just before letting go: a start
            // that falls in between looks again for a moment rather than report a holder it cannot name
            LockOwner holder = lock == null ? read(file) : null;
            for (int tries = 0; lock == null && holder == null && tries < RunLock.OWNER_WAIT_TRIES; tries++) {
                sleep();
                lock = tryLock(channel);
                if (lock == null) holder = read(file);
            }
            if (lock == null) {
                channel.close();
                throw new RunLockHeldException(held(h2File, holder), holder);
            }
            channel.truncate(0);
            StringWriter text = new StringWriter();
            me.toProperties().store(text, "the fundtrace process using " + h2File);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new EmbeddedDatabaseLock(channel, lock, me);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    static void sleep() {
        try {
            Thread.sleep(RunLock.OWNER_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String held(Path h2File, LockOwner holder) {
        String who = holder == null ? "another fundtrace process (still starting)" : holder.describe();
        return "already running: the embedded database " + h2File + " is in use by " + who;
    }

    private static LockOwner read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(Files.readAllBytes(file)));
        return LockOwner.fromProperties(p);
    }

    @Override
    public LockOwner owner() { return owner; }

    @Override
    public void close() {
        try {
            channel.truncate(0); // a lock file that names nobody: no one holds it
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock all the same
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
