package dev.fundtrace.cli;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.runlock.RunLock;

import java.util.HashMap;
import java.util.Map;

/** What the commands share: extra Spring properties (tests point the data folder elsewhere), Spring and the run lock. */
final class RunEnvironment {

    private final Map<String, Object> extraProperties = new HashMap<>();

    void put(String key, Object value) {
        extraProperties.put(key, value);
    }

    /** @throws IllegalArgumentException for a --db URL fundtrace refuses */
    DatabaseChoice database(String db) {
        return DatabaseChoice.of(db, extraProperties);
    }

    /** Spring for {@code db}, starting on its own thread while the command goes on (see {@link SpringStart}). */
    SpringStart startSpring(DatabaseChoice db) {
        return SpringStart.begin(db, extraProperties);
    }

    /** The data folder is made owner-only before anything is written in it, then the lock is taken. */
    static RunLock lock(DatabaseChoice db, String job, String command) {
        try {
            OwnerOnlyFiles.createDirectories(db.dataDir());
            OwnerOnlyFiles.restrict(db.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data folder " + db.dataDir() + ": " + e.getMessage(), e);
        }
        return RunLock.acquire(db.url(), job, command, db.credentials());
    }
}
