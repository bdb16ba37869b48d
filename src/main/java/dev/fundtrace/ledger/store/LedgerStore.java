package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.rejects.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transfer store: columnar segment files under {@code <data>/ledger/<chain>/}, with their catalog and
 * refused rows in the database. A segment counts only once its catalog row is committed, and the row is
 * written after the file is renamed into place, so a run killed at any point either has the whole segment or
 * loads it again.
 */
public class LedgerStore {

    private final Path root;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public LedgerStore(Path root, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.root = root;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Optional<SegmentInfo> segment(Chain chain, String fingerprint) {
        return jdbc.query("""
                        SELECT chain, fingerprint, file_name, source, transfers, reverted, rejected, rows_read,
                               from_block, to_block, loaded_at
                        FROM ledger_segment WHERE chain = ? AND fingerprint = ?""",
                (rs, n) -> row(rs), chain.id(), fingerprint).stream().findFirst();
    }

    public List<SegmentInfo> segments(Chain chain) {
        return jdbc.query("""
                        SELECT chain, fingerprint, file_name, source, transfers, reverted, rejected, rows_read,
                               from_block, to_block, loaded_at
                        FROM ledger_segment WHERE chain = ? ORDER BY loaded_at, fingerprint""",
                (rs, n) -> row(rs), chain.id());
    }

    /**
     * Writes the segment files of one load (one per builder, so parallel loaders need no merge) and then
     * registers them with the refused rows, in one transaction.
     */
    public SegmentInfo store(Chain chain, List<SegmentBuilder> builders, String fingerprint, String source,
                             long reverted, long rowsRead, List<Rejection> rejections) {
        builders.forEach(SegmentBuilder::seal); // first: inMemory may read the builders at the same time
        String stem = "seg-" + fingerprint.substring(0, Math.min(32, fingerprint.length()));
        List<String> names = new java.util.ArrayList<>();
        long fromBlock = Long.MAX_VALUE, toBlock = -1, size = 0;
        for (int part = 0; part < builders.size(); part++) {
            SegmentBuilder builder = builders.get(part);
            String name = stem + "-" + part + ".ftl";
            SegmentFile.write(builder, chainDir(chain).resolve(name));
            names.add(name);
            size += builder.size;
            for (int i = 0; i < builder.size; i++) {
                long b = dev.fundtrace.ledger.OrderKey.block(builder.key[i]);
                fromBlock = Math.min(fromBlock, b);
                toBlock = Math.max(toBlock, b);
            }
        }
        if (toBlock < 0) fromBlock = -1;
        String fileName = String.join(",", names);
        SegmentInfo info = new SegmentInfo(chain.id(), fingerprint, fileName, source, size - reverted,
                reverted, rejections.size(), rowsRead, fromBlock, toBlock, Instant.now());
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM ledger_rejection WHERE fingerprint = ?", fingerprint);
            jdbc.update("DELETE FROM ledger_segment WHERE chain = ? AND fingerprint = ?", info.chain(), fingerprint);
            jdbc.update("""
                            INSERT INTO ledger_segment (chain, fingerprint, file_name, source, transfers, reverted, rejected,
                                                        rows_read, from_block, to_block, loaded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    info.chain(), fingerprint, fileName, source, info.transfers(), reverted, info.rejected(), rowsRead,
                    info.fromBlock(), info.toBlock(), Timestamp.from(info.loadedAt()));
            jdbc.batchUpdate("INSERT INTO ledger_rejection (fingerprint, source, line, reason, record) VALUES (?, ?, ?, ?, ?)",
                    rejections, 1000, (ps, r) -> {
                        ps.setString(1, fingerprint);
                        ps.setString(2, r.source());
                        ps.setLong(3, r.line());
                        ps.setString(4, r.reason());
                        ps.setString(5, r.record());
                    });
        });
        return info;
    }

    /** True when every file of the segment is on disk and complete (see {@link SegmentFile#looksComplete}). */
    public boolean intact(Chain chain, SegmentInfo info) {
        return java.util.Arrays.stream(info.fileName().split(","))
                .allMatch(name -> SegmentFile.looksComplete(chainDir(chain).resolve(name)));
    }

    public List<Rejection> rejections(String fingerprint) {
        return jdbc.query("SELECT source, line, reason, record FROM ledger_rejection WHERE fingerprint = ? ORDER BY source, line",
                (rs, n) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), fingerprint);
    }

    /** The transfers of one load just stored, straight from memory: the trace of the same run needs no re-read. */
    public ChainLedger inMemory(Chain chain, List<SegmentBuilder> builders) {
        builders.forEach(SegmentBuilder::seal); // first: the join may add to the first one's dictionary
        boolean single = builders.size() == 1;
        return ChainLedger.of(chain, builders.stream().map(b -> b.toSegment(single)).toList(),
                single ? null : builders.get(0).addresses());
    }

    /** All stored transfers of a chain, ready for the trace. */
    public ChainLedger open(Chain chain) {
        return open(chain, segments(chain));
    }

    public ChainLedger open(Chain chain, List<SegmentInfo> infos) {
        List<Path> files = infos.stream()
                .flatMap(i -> java.util.Arrays.stream(i.fileName().split(",")))
                .map(name -> chainDir(chain).resolve(name))
                .toList();
        // SegmentFile.read checks each file's checksum
        List<Segment> segs = files.parallelStream().filter(Files::isRegularFile).map(SegmentFile::read).toList();
        if (segs.size() != files.size()) {
            throw new IllegalStateException("ledger segment files missing under " + chainDir(chain)
                    + "; delete their rows from ledger_segment or reload the exports");
        }
        return ChainLedger.of(chain, segs);
    }

    private Path chainDir(Chain chain) {
        return root.resolve(chain.id());
    }

    private static SegmentInfo row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SegmentInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getTimestamp(11).toInstant());
    }
}
