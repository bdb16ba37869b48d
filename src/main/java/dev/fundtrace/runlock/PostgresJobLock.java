package dev.fundtrace.runlock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;

/**
 * One run per job on a PostgreSQL server: a session-level advisory lock keyed by the job name, held by a connection
 * of its own for the whole run, so different jobs run side by side and the server drops the lock when the owner's
 * session ends (process killed, host gone: TCP keepalives end the session within about a minute). The owner's
 * process and host sit in {@code fundtrace_run_lock} for whoever finds the lock held.
 */
final class PostgresJobLock implements RunLock {
    private final Connection connection;
    private final long key;
    private final LockOwner owner;

    private PostgresJobLock(Connection connection, long key, LockOwner owner) {
        this.connection = connection;
        this.key = key;
        this.owner = owner;
    }

    static RunLock acquire(String url, Properties credentials, LockOwner me) {
        long key = key(me.job());
        Connection c = null;
        try {
            Properties props = new Properties();
            props.putAll(credentials);
            props.setProperty("ApplicationName", "fundtrace run lock: " + me.job());
            props.setProperty("tcpKeepAlive", "true");
            c = DriverManager.getConnection(url, props);
            c.setAutoCommit(true);
            boolean locked = tryLock(c, key);
            LockOwner holder = locked ? null : holder(c, me.job());
            // the holder records its name just after taking the lock: a start in between looks again for a moment
            for (int tries = 0; !locked && holder == null && tries < RunLock.OWNER_WAIT_TRIES; tries++) {
                EmbeddedDatabaseLock.sleep();
                locked = tryLock(c, key);
                if (!locked) holder = holder(c, me.job());
            }
            if (!locked) {
                c.close();
                throw new RunLockHeldException("already running: " + (holder == null
                        ? "job '" + me.job() + "' is held by another fundtrace process (still starting)"
                        : holder.describe()), holder);
            }
            keepAliveQuickly(c);
            record(c, me);
            return new PostgresJobLock(c, key, me);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot take the run lock on " + url.replaceAll("(?i)(password=)[^&]*", "$1***")
                    + ": " + e.getMessage(), e);
        }
    }

    /** 64 bits of SHA-256 over the job name: distinct jobs never share a lock in practice. */
    static long key(String job) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("fundtrace-run:" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The server's default keepalive waits two hours before it notices a vanished client. */
    private static void keepAliveQuickly(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("SET tcp_keepalives_idle = 30");
            s.execute("SET tcp_keepalives_interval = 10");
            s.execute("SET tcp_keepalives_count = 3");
        } catch (SQLException ignored) {
            // a server that refuses these still ends the session when the client's socket closes
        }
    }

    private static void record(Connection c, LockOwner me) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fundtrace_run_lock (job_name VARCHAR(200) PRIMARY KEY, command VARCHAR(20)"
                    + " NOT NULL, owner_pid BIGINT NOT NULL, owner_host VARCHAR(255) NOT NULL, since TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            // another job's first run created it at the same moment
            if (!"42P07".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) throw e;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM fundtrace_run_lock WHERE job_name = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO fundtrace_run_lock VALUES (?, ?, ?, ?, ?)")) {
            del.setString(1, me.job());
            del.executeUpdate();
            ins.setString(1, me.job());
            ins.setString(2, me.command());
            ins.setLong(3, me.pid());
            ins.setString(4, me.host());
            ins.setTimestamp(5, Timestamp.from(me.since()));
            ins.executeUpdate();
        }
    }

    private static LockOwner holder(Connection c, String job) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT command, owner_pid, owner_host, since FROM fundtrace_run_lock WHERE job_name = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LockOwner(job, rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()) : null;
            }
        } catch (SQLException e) {
            return null; // no table yet: the holder is a first run still starting
        }
    }

    @Override
    public LockOwner owner() { return owner; }

    @Override
    public void close() {
        try (PreparedStatement del = connection.prepareStatement(
                "DELETE FROM fundtrace_run_lock WHERE job_name = ? AND owner_pid = ? AND owner_host = ?");
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            del.setString(1, owner.job());
            del.setLong(2, owner.pid());
            del.setString(3, owner.host());
            del.executeUpdate();
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException ignored) {
            // closing the session below drops the lock all the same
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server ends the session
        }
    }
}
