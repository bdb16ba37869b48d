package dev.fundtrace.runlock;

import dev.fundtrace.database.DatabaseUrl;

import java.util.Properties;

/**
 * One live run of a job at a time. The lock is held by something that dies with its owner (an OS file lock on the
 * embedded database, a PostgreSQL session's advisory lock), so a killed run never leaves a lock behind: the next
 * start takes it and resumes the run as after a crash. A start that finds it held touches nothing.
 */
public interface RunLock extends AutoCloseable {

    /** How long a start that finds the lock held waits for its holder's name: 20 × 50 ms. */
    int OWNER_WAIT_TRIES = 20;
    long OWNER_WAIT_MILLIS = 50;

    /** Who holds it: this process. */
    LockOwner owner();

    @Override
    void close();

    /**
     * Takes the lock for {@code job} or fails at once.
     *
     * @param credentials user and password for a PostgreSQL URL that does not carry them (may be empty)
     * @throws RunLockHeldException when a live process holds it
     */
    static RunLock acquire(DatabaseUrl db, String job, String command, Properties credentials) {
        LockOwner me = LockOwner.thisProcess(job, command);
        return switch (db.kind()) {
            case H2_FILE -> EmbeddedDatabaseLock.acquire(db.h2File(), me);
            case POSTGRESQL -> PostgresJobLock.acquire(db.jdbcUrl(), credentials, me);
        };
    }
}
