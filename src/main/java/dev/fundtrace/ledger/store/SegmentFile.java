package dev.fundtrace.ledger.store;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.files.WriteFailure;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One ledger segment on disk: a compact columnar file (int/long columns, little-endian), written to a
 * temporary name and renamed into place so a killed run never leaves half a segment behind.
 * Reading bulk-copies the columns into arrays; transaction hashes stay memory-mapped (they are only read
 * for evidence).
 *
 * <p>The file ends with an end marker and a CRC-32C of everything before it. It is not fsynced: a killed process
 * cannot lose what it wrote (the page cache has it), and syncing 600 MB costs seconds per load. After a power
 * loss, a short file fails {@link #looksComplete} (the export is loaded again) and a damaged one fails the
 * checksum when read, naming the file to delete. The export stays the source of truth either way.
 */
public final class SegmentFile {

    private static final int MAGIC = 0x46544C53; // "FTLS"
    private static final int VERSION = 2;
    private static final int TRAILER = 12; // end marker (int) + CRC-32C (long)
    private static final String DAMAGED = "damaged (checksum mismatch or cut short); delete it and run the job again to load the export again";

    private SegmentFile() {}

    /** Writes the builder's transfers atomically to {@code target}. */
    public static void write(SegmentBuilder b, Path target) {
        b.seal();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.createDirectories(target.getParent());
            try (FileChannel ch = FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), OwnerOnlyFiles.FILE)) {
                ColumnWriter w = new ColumnWriter(ch);
                // the sealed addresses: a join may be adding others to this dictionary meanwhile (see ChainLedger)
                int addresses = b.sealedAddressCount();
                w.ints(new int[]{MAGIC, VERSION, b.chain.ordinal(), addresses, b.assets.size(), b.size,
                        b.blockCount, b.big.size()}, 8);
                w.longs(b.sealedAddressWords(), 3 * addresses);
                for (AssetInfo a : b.assets) {
                    w.string(a.asset());
                    w.string(a.symbol() == null ? "" : a.symbol());
                    w.ints(new int[]{a.decimals()}, 1);
                }
                w.ints(b.asset, b.size);
                w.longs(b.key, b.size);
                w.ints(b.from, b.size);
                w.ints(b.to, b.size);
                w.longs(b.amount, b.size);
                w.bytes(b.kind, b.size);
                w.longs(b.blockNumber, b.blockCount);
                w.longs(b.blockTime, b.blockCount);
                for (BigInteger v : b.big) w.string(v.toString());
                w.bytes(b.txHash, b.size * 32); // last before the trailer, so the mapped region is one slice
                w.drain();
                long crc = w.crc.getValue();
                w.ints(new int[]{MAGIC}, 1);
                w.longs(new long[]{crc}, 1);
                w.drain();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp); // on a full disk, hundreds of MB of a part-written segment would keep it full
            throw new UncheckedIOException("cannot write ledger segment " + target + ": " + WriteFailure.reason(e), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next load overwrites it
        }
    }

    /** Reads a segment written by {@link #write}. */
    public static Segment read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 32 + TRAILER) throw new IOException(DAMAGED);
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            int magic = map.getInt(), version = map.getInt();
            if (magic != MAGIC || version != VERSION) throw new IOException("not a fundtrace ledger segment (v" + VERSION + ")");
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(map.slice(0, (int) (size - TRAILER)));
            if (map.getInt((int) (size - TRAILER)) != MAGIC || map.getLong((int) (size - 8)) != crc.getValue()) {
                throw new IOException(DAMAGED);
            }
            Chain chain = Chain.values()[map.getInt()];
            int nAddr = map.getInt(), nAssets = map.getInt(), n = map.getInt(), nBlocks = map.getInt(), nBig = map.getInt();
            long[] words = longs(map, 3 * nAddr);
            List<AssetInfo> assets = new ArrayList<>();
            for (int i = 0; i < nAssets; i++) {
                String asset = string(map), symbol = string(map);
                assets.add(new AssetInfo(asset, symbol.isEmpty() ? null : symbol, map.getInt()));
            }
            int[] asset = ints(map, n);
            long[] key = longs(map, n);
            int[] from = ints(map, n), to = ints(map, n);
            long[] amount = longs(map, n);
            byte[] kind = new byte[n];
            map.get(kind);
            long[] blockNumber = longs(map, nBlocks), blockTime = longs(map, nBlocks);
            List<BigInteger> big = new ArrayList<>(nBig);
            for (int i = 0; i < nBig; i++) big.add(new BigInteger(string(map)));
            ByteBuffer hashes = map.slice(map.position(), n * 32);
            return new Segment(file, chain, words, nAddr, assets, n, asset, key, from, to, amount, kind, blockNumber, blockTime,
                    big, hashes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ledger segment " + file + ": " + e.getMessage(), e);
        }
    }

    /** False when the file is missing or was cut short (no end marker): its export must be loaded again. */
    public static boolean looksComplete(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 32 + TRAILER) return false;
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, size - TRAILER);
            return b.getInt(0) == MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] ints(ByteBuffer map, int n) {
        int[] a = new int[n];
        map.asIntBuffer().get(a);
        map.position(map.position() + 4 * n);
        return a;
    }

    private static long[] longs(ByteBuffer map, int n) {
        long[] a = new long[n];
        map.asLongBuffer().get(a);
        map.position(map.position() + 8 * n);
        return a;
    }

    private static String string(ByteBuffer map) {
        byte[] b = new byte[map.getInt()];
        map.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Buffered little-endian column output over a channel. */
    private static final class ColumnWriter {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

        ColumnWriter(FileChannel ch) { this.ch = ch; }

        void ints(int[] a, int n) throws IOException {
            for (int i = 0; i < n; ) {
                if (buf.remaining() < 4) drain();
                int len = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().put(a, i, len);
                buf.position(buf.position() + 4 * len);
                i += len;
            }
        }

        void longs(long[] a, int n) throws IOException {
            for (int i = 0; i < n; ) {
                if (buf.remaining() < 8) drain();
                int len = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().put(a, i, len);
                buf.position(buf.position() + 8 * len);
                i += len;
            }
        }

        void bytes(byte[] a, int n) throws IOException {
            for (int i = 0; i < n; ) {
                if (!buf.hasRemaining()) drain();
                int len = Math.min(n - i, buf.remaining());
                buf.put(a, i, len);
                i += len;
            }
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ints(new int[]{b.length}, 1);
            bytes(b, b.length);
        }

        void drain() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }
    }
}
