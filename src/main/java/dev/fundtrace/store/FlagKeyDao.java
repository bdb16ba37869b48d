package dev.fundtrace.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The key hashes of the flags a run computed (table run_flag_keys, one row per run): what "new since the last run"
 * and "resolved" compare, kept in the database as one sorted array rather than as a row per flag (a row per flag
 * was most of a large night's time).
 */
@Repository
public class FlagKeyDao {

    private final JdbcTemplate jdbc;

    public FlagKeyDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the keys of run {@code runId}'s flags; {@code sortedKeys} ascending. */
    public void put(long runId, long[] sortedKeys) {
        ByteBuffer b = ByteBuffer.allocate(sortedKeys.length * Long.BYTES);
        for (long k : sortedKeys) b.putLong(k);
        jdbc.update("DELETE FROM run_flag_keys WHERE run_id = ?", runId);
        jdbc.update("INSERT INTO run_flag_keys (run_id, flags, key_hashes) VALUES (?, ?, ?)", runId, sortedKeys.length, b.array());
    }

    /** The keys run {@code runId} computed, ascending; empty when it computed none (or an earlier version did). */
    public Optional<long[]> of(long runId) {
        List<byte[]> rows = jdbc.query("SELECT key_hashes FROM run_flag_keys WHERE run_id = ?", (rs, n) -> rs.getBytes(1), runId);
        if (rows.isEmpty()) return Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(rows.getFirst());
        long[] keys = new long[b.remaining() / Long.BYTES];
        for (int i = 0; i < keys.length; i++) keys[i] = b.getLong();
        return Optional.of(keys);
    }
}
