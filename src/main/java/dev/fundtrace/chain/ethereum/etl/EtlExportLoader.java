package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.ledger.LedgerLoadException;
import dev.fundtrace.chain.ethereum.CallTypes;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.Hex;
import dev.fundtrace.ledger.store.SegmentBuilder;
import dev.fundtrace.rejects.Rejection;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Loads an ethereum-etl export folder into ledger segments, following tracing.md and its list of traps:
 * receipt status from a {@code receipt_status} column or {@code receipts.csv} (an export without either is
 * refused unless the job says to assume success); traces only below the root call, not errored, with value;
 * ERC-721 transfers (no decimals in tokens.csv, or {@code is_erc721} in contracts.csv) kept out.
 *
 * <p>Large files are split at line boundaries and parsed on all cores, each part into its own segment.
 * A malformed row is refused with file, line and reason and the load goes on.
 */
public final class EtlExportLoader {

    private static final long SPLIT_ABOVE_BYTES = 8L << 20;

    private final int threads;
    private final LongConsumer progress;
    private boolean roomToJoin;

    public EtlExportLoader(int threads, LongConsumer progressRows) {
        this.threads = Math.max(1, threads);
        this.progress = progressRows;
    }

    /**
     * Gives the first part's columns room for the whole file's transactions, so that the parts can be joined
     * into one in-memory ledger without new columns (see {@code ChainLedger}). For loads that are kept in memory;
     * a load too large for that would only waste the room.
     */
    public EtlExportLoader roomToJoin(boolean on) {
        this.roomToJoin = on;
        return this;
    }

    /**
     * @param parts      one segment builder per parsed range
     * @param rowsRead   data rows read from transactions, receipts, traces and token transfers
     * @param reverted   reverted transactions with value (kept as attempts)
     * @param warnings   facts an analyst must know about this export (skipped NFTs, assumed status, …)
     */
    public record Result(List<SegmentBuilder> parts, long rowsRead, long reverted, List<Rejection> rejections,
                         List<String> warnings) {
        public long transfers() {
            return parts.stream().mapToLong(SegmentBuilder::size).sum() - reverted;
        }
    }

    /** The files of an export folder a load reads, when present; any other file in the folder is not read. */
    private static final List<String> FILES = List.of("transactions.csv", "receipts.csv", "token_transfers.csv",
            "tokens.csv", "contracts.csv", "blocks.csv", "traces.csv");

    /** The files of {@code dir} a load reads (for the report's audit trail). */
    public static List<Path> filesRead(Path dir) {
        return FILES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
    }

    /**
     * Identifies an export without reading it all: names, sizes and modification times of its files plus
     * the first and last 64 KiB of each, and the loader version. Re-running on an unchanged export is then a
     * catalog lookup instead of a reload.
     */
    public static String fingerprint(Path dir, boolean assumeSuccess) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(("fundtrace-etl-v1|" + assumeSuccess).getBytes());
            for (String name : FILES) {
                Path f = dir.resolve(name);
                if (!Files.isRegularFile(f)) continue;
                long size = Files.size(f);
                sha.update((name + "|" + size + "|" + Files.getLastModifiedTime(f).toMillis()).getBytes());
                try (var ch = java.nio.channels.FileChannel.open(f)) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(size, 65536));
                    ch.read(b, 0);
                    sha.update(b.flip());
                    b.clear();
                    ch.read(b, Math.max(0, size - b.capacity()));
                    sha.update(b.flip());
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new LedgerLoadException(dir + ": cannot read export: " + e.getMessage());
        }
    }

    public Result load(Path dir, boolean assumeSuccess, double maxRejectedShare) {
        Path txFile = dir.resolve("transactions.csv");
        if (!Files.isRegularFile(txFile)) {
            throw new LedgerLoadException(dir + ": no transactions.csv (not an ethereum-etl export folder)");
        }
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Tokens tokens = Tokens.read(dir, warnings);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CsvScanner tx = CsvScanner.open(txFile);
            require(tx, "hash", "block_number", "transaction_index", "from_address", "to_address", "value");
            boolean statusColumn = tx.has("receipt_status");
            ReceiptIndex receipts = null;
            List<Part> all = new ArrayList<>();
            Path receiptFile = dir.resolve("receipts.csv");
            if (!statusColumn && Files.isRegularFile(receiptFile)) {
                CsvScanner rc = CsvScanner.open(receiptFile);
                require(rc, "transaction_hash", "status");
                receipts = new ReceiptIndex(1024); // grows only if rows do not line up (see ReceiptJoin)
                ReceiptIndex index = receipts;
                all.addAll(runParts(pool, rc, (r, i) -> new ReceiptPart(rc, index, r)));
            }
            ReceiptIndex index = receipts;
            List<Part> receiptParts = List.copyOf(all);
            int wholeFile = roomToJoin ? expectedRows(new long[]{0, tx.size()}, TX_ROW_BYTES) : 0;
            List<Part> txParts = runParts(pool, tx, (r, i) -> new TransactionPart(tx, index, statusColumn, assumeSuccess, r,
                    i == 0 ? wholeFile : 0));
            if (receipts != null) ReceiptJoin.resolve(receiptParts, txParts, receipts);
            all.addAll(txParts);
            Path tokenFile = dir.resolve("token_transfers.csv");
            if (Files.isRegularFile(tokenFile)) {
                CsvScanner tt = CsvScanner.open(tokenFile);
                require(tt, "token_address", "from_address", "to_address", "value", "transaction_hash", "log_index", "block_number");
                all.addAll(runParts(pool, tt, (r, i) -> new TokenTransferPart(tt, tokens, r)));
            }
            Path traceFile = dir.resolve("traces.csv");
            TracePart traces = null;
            if (Files.isRegularFile(traceFile)) {
                CsvScanner tr = CsvScanner.open(traceFile);
                require(tr, "block_number", "transaction_index", "from_address", "to_address", "value", "trace_address");
                traces = new TracePart(tr, new long[]{0, tr.size()}, dir);
                traces.run();
                all.add(traces);
            }
            BlockTimes.read(dir, all.isEmpty() ? null : txParts.get(0).builder, warnings);

            long rows = 0, reverted = 0, unknownStatus = 0, nft = 0;
            List<Rejection> rejections = new ArrayList<>();
            for (Part p : all) {
                rows += p.rows;
                rejections.addAll(p.rejections);
                if (p instanceof TransactionPart t) { reverted += t.reverted; unknownStatus += t.unknownStatus; }
                if (p instanceof TokenTransferPart t) nft += t.nonFungible;
            }
            if (unknownStatus > 0 && !assumeSuccess) {
                throw new LedgerLoadException(txFile + ": " + unknownStatus + " transactions have no receipt status "
                        + "(no receipt_status column, no receipts.csv row, or a pre-Byzantium receipt); reverted "
                        + "transactions cannot be told apart. Add receipts.csv, or set ledger.ethereum.assumeSuccess: true "
                        + "to trace them as successful.");
            }
            if (unknownStatus > 0) warnings.add(unknownStatus + " transactions without receipt status were assumed successful (assumeSuccess)");
            if (nft > 0) warnings.add(nft + " ERC-721 (non-fungible) transfers were not traced: token ids are not amounts");
            if (rows > 0 && (double) rejections.size() / rows > maxRejectedShare) {
                throw new LedgerLoadException(dir + ": " + rejections.size() + " of " + rows + " rows refused ("
                        + String.format("%.2f%%", 100.0 * rejections.size() / rows) + "), more than maxRejectedShare "
                        + maxRejectedShare + "; first: " + rejections.get(0).message());
            }
            rejections.sort((a, b) -> a.source().equals(b.source()) ? Long.compare(a.line(), b.line()) : a.source().compareTo(b.source()));
            List<SegmentBuilder> builders = new ArrayList<>();
            for (Part p : all) if (p.builder != null && p.builder.size() > 0) builders.add(p.builder);
            if (builders.isEmpty()) builders.add(txParts.get(0).builder);
            return new Result(builders, rows, reverted, rejections, List.copyOf(warnings));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void require(CsvScanner csv, String... columns) {
        for (String c : columns) {
            if (!csv.has(c)) throw new LedgerLoadException(csv.fileName() + ": line 1: missing column '" + c + "'");
        }
    }

    /** Makes the part that parses {@code range}, the {@code index}-th of its file. */
    private interface PartFactory { Part create(long[] range, int index); }

    /** Bytes of a transactions.csv row, at least: ethereum-etl rows are rarely shorter. */
    private static final int TX_ROW_BYTES = 300;

    /** About as many transactions as an export can hold, judged from its size before reading it. */
    public static long transactionsAtMost(Path dir) {
        try {
            return Files.size(dir.resolve("transactions.csv")) / TX_ROW_BYTES;
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE / TX_ROW_BYTES; // the load reports the unreadable file
        }
    }

    /** A first guess of the rows in a byte range. */
    static int expectedRows(long[] range, int bytesPerRow) {
        return (int) Math.min(Integer.MAX_VALUE / 64, (range[1] - range[0]) / bytesPerRow + 16);
    }

    /** Parses a file in ranges on the pool, renumbering each range's lines from the ones before it. */
    private List<Part> runParts(ExecutorService pool, CsvScanner csv, PartFactory factory) {
        List<long[]> ranges = csv.size() > SPLIT_ABOVE_BYTES ? csv.split(threads) : csv.split(1);
        List<Part> parts = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (long[] r : ranges) {
            Part p = factory.create(r, parts.size());
            parts.add(p);
            futures.add(pool.submit(p::run));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerLoadException("interrupted while loading " + csv.fileName());
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                throw new LedgerLoadException(csv.fileName() + ": " + c);
            }
        }
        long lineOffset = 0;
        for (Part p : parts) {
            long offset = lineOffset;
            if (offset > 0) p.rejections.replaceAll(r -> new Rejection(r.source(), r.line() + offset, r.reason(), r.record()));
            lineOffset += p.lines;
        }
        return parts;
    }

    /** One range of one file. Line numbers are relative to the range until {@link #runParts} fixes them. */
    private abstract class Part {
        final CsvScanner csv;
        final long[] range;
        SegmentBuilder builder;
        final List<Rejection> rejections = new ArrayList<>();
        long rows;
        long lines;
        final byte[] hash = new byte[32];
        final byte[] addr = new byte[20];

        Part(CsvScanner csv, long[] range) {
            this.csv = csv;
            this.range = range;
        }

        void run() {
            lines = csv.scan(range[0], range[1], 2, row -> {
                rows++;
                String reason = row(row);
                if (reason != null) rejections.add(new Rejection(csv.fileName(), row.line(), reason, row.text()));
                if (builder != null) builder.rowDone();
                if ((rows & 0xFFFF) == 0 && progress != null) progress.accept(0x10000);
            });
            if (progress != null) progress.accept(rows & 0xFFFF);
            if (builder != null) builder.resolveStaged();
        }

        /** Handles one row; returns why it is refused, or null. */
        abstract String row(CsvRow row);

        int address(CsvRow r, int col, String name) {
            if (!r.hex(col, addr, 0, 20)) return -1;
            return builder.addresses().intern(addr, 0);
        }

        /**
         * For rows that go straight into the builder: the address is staged and interned with the next group
         * (a placeholder until then), or {@link #BAD_ADDRESS} when malformed.
         */
        int stagedAddress(CsvRow r, int col) {
            if (!r.hex(col, addr, 0, 20)) return BAD_ADDRESS;
            return builder.stage(addr, 0);
        }

        String badAddress(CsvRow r, int col, String name) {
            return r.isEmpty(col) ? "missing " + name : name + " '" + r.string(col) + "' is not 0x + 40 hex digits";
        }

        /** The last {@link #amount} read: in {@code small}, or in {@code big} when it does not fit a long. */
        long small;
        BigInteger big;

        /** Reads a uint256 amount column; returns why it is refused, or null. */
        String amount(CsvRow r, int col) {
            small = r.longValue(col); // most amounts: one pass over the digits
            big = null;
            if (small >= 0) return null;
            if (!r.isDigits(col)) return "value '" + r.string(col) + "' is not a non-negative integer";
            if (r.length(col) > 78) return "value has more than 78 digits (exceeds uint256)";
            big = r.bigInteger(col);
            small = 0;
            return big.bitLength() > 256 ? "value exceeds uint256" : null;
        }
    }

    /**
     * Receipt status for transactions when it comes from receipts.csv. ethereum-etl writes both files in the
     * same order, so transaction row g normally finds its receipt at row g: compared by hash, no table needed.
     * Only rows that do not line up are looked up in a hash index, built on first need.
     */
    private static final class ReceiptJoin {
        static void resolve(List<Part> receiptParts, List<Part> txParts, ReceiptIndex index) {
            int[] start = new int[receiptParts.size() + 1];
            for (int k = 0; k < receiptParts.size(); k++) start[k + 1] = start[k] + ((ReceiptPart) receiptParts.get(k)).size();
            boolean indexed = false;
            long rowsBefore = 0, lineOffset = 0;
            for (Part part : txParts) {
                TransactionPart t = (TransactionPart) part;
                SegmentBuilder b = t.builder;
                boolean[] drop = null;
                for (int j = 0; j < b.size(); j++) {
                    if (j >= t.pendingLine.length || t.pendingLine[j] == 0) continue;
                    long hi = Longs.hiAt(b.txHashes(), j * 32), lo = Longs.loAt(b.txHashes(), j * 32);
                    long g = rowsBefore + t.pendingLine[j] - 2;
                    byte status = ReceiptIndex.MISSING;
                    if (g >= 0 && g < start[start.length - 1]) {
                        int k = 0;
                        while (start[k + 1] <= g) k++;
                        ReceiptPart rp = (ReceiptPart) receiptParts.get(k);
                        int i = (int) (g - start[k]);
                        if (rp.hi(i) == hi && rp.lo(i) == lo) status = rp.status(i);
                    }
                    if (status == ReceiptIndex.MISSING) {
                        if (!indexed) {
                            for (Part p : receiptParts) {
                                ReceiptPart rp = (ReceiptPart) p;
                                for (int i = 0; i < rp.size(); i++) index.put(rp.hi(i), rp.lo(i), rp.status(i));
                            }
                            indexed = true;
                        }
                        status = index.get(hi, lo);
                    }
                    if (status == ReceiptIndex.MISSING) {
                        if (drop == null) drop = new boolean[b.size()];
                        drop[j] = true;
                        t.rejections.add(new Rejection(t.csv.fileName(), lineOffset + t.pendingLine[j],
                                "no receipt for this transaction in receipts.csv", Hex.encode0x(b.txHashes(), j * 32, 32)));
                    } else if (status == 0) {
                        b.setKind(j, TransferKind.REVERTED);
                        t.reverted++;
                    } else if (status == ReceiptIndex.UNKNOWN) {
                        t.unknownStatus++;
                        if (!t.assumeSuccess) { if (drop == null) drop = new boolean[b.size()]; drop[j] = true; }
                    }
                }
                if (drop != null) b.removeMarked(drop);
                rowsBefore += t.rows;
                lineOffset += t.lines;
            }
        }
    }

    private final class ReceiptPart extends Part {
        private final ReceiptIndex index;
        private final int cHash, cStatus, cContract;
        private long[] keys;
        private byte[] status;
        private int n;

        ReceiptPart(CsvScanner csv, ReceiptIndex index, long[] range) {
            super(csv, range);
            this.index = index;
            // sized from the range (a receipt line is ~175 bytes) so that millions of rows are not copied through
            // a dozen doublings: on this machine the first touch of fresh memory costs more than the copy
            int expected = expectedRows(range, 150);
            keys = new long[2 * expected];
            status = new byte[expected];
            cHash = csv.column("transaction_hash");
            cStatus = csv.column("status");
            cContract = csv.column("contract_address");
        }

        /** Receipt i of this range (file order): hash key and status. */
        int size() { return n; }

        long hi(int i) { return keys[2 * i]; }

        long lo(int i) { return keys[2 * i + 1]; }

        byte status(int i) { return status[i]; }

        @Override
        String row(CsvRow r) {
            if (!r.hex(cHash, hash, 0, 32)) return "bad transaction_hash '" + r.string(cHash) + "'";
            byte s;
            if (r.isEmpty(cStatus)) s = ReceiptIndex.UNKNOWN;
            else if (r.equalsAscii(cStatus, "1")) s = 1;
            else if (r.equalsAscii(cStatus, "0")) s = 0;
            else return "status '" + r.string(cStatus) + "' is not 0 or 1";
            if (n == status.length) {
                keys = java.util.Arrays.copyOf(keys, keys.length * 2);
                status = java.util.Arrays.copyOf(status, status.length * 2);
            }
            keys[2 * n] = Longs.hi(hash);
            keys[2 * n + 1] = Longs.lo(hash);
            status[n++] = s;
            if (cContract >= 0 && !r.isEmpty(cContract)) {
                byte[] c = new byte[20];
                if (r.hex(cContract, c, 0, 20)) index.contract(Hex.encode0x(hash), c);
            }
            return null;
        }
    }

    private final class TransactionPart extends Part {
        private final ReceiptIndex receipts;
        private final boolean statusColumn;
        final boolean assumeSuccess;
        private final int cHash, cBlock, cIndex, cFrom, cTo, cValue, cTime, cStatus, cContract;
        long reverted, unknownStatus;
        /** builder row -> the range-local line it came from, for the receipt join (0: status already known) */
        int[] pendingLine;

        TransactionPart(CsvScanner csv, ReceiptIndex receipts, boolean statusColumn, boolean assumeSuccess, long[] range,
                        int columnCapacity) {
            super(csv, range);
            this.builder = new SegmentBuilder(Chain.ETHEREUM, expectedRows(range, TX_ROW_BYTES), columnCapacity);
            this.pendingLine = new int[statusColumn || receipts == null ? 0 : expectedRows(range, TX_ROW_BYTES)];
            this.receipts = receipts;
            this.statusColumn = statusColumn;
            this.assumeSuccess = assumeSuccess;
            cHash = csv.column("hash");
            cBlock = csv.column("block_number");
            cIndex = csv.column("transaction_index");
            cFrom = csv.column("from_address");
            cTo = csv.column("to_address");
            cValue = csv.column("value");
            cTime = csv.column("block_timestamp");
            cStatus = csv.column("receipt_status");
            cContract = csv.column("receipt_contract_address");
        }

        @Override
        String row(CsvRow r) {
            if (!r.hex(cHash, hash, 0, 32)) return r.isEmpty(cHash) ? "missing hash" : "bad transaction hash '" + r.string(cHash) + "'";
            long block = r.longValue(cBlock);
            if (block < 0) return "block_number '" + r.string(cBlock) + "' is not a non-negative integer";
            long index = r.longValue(cIndex);
            if (index < 0) return "transaction_index '" + r.string(cIndex) + "' is not a non-negative integer";
            int from = stagedAddress(r, cFrom);
            if (from == BAD_ADDRESS) return badAddress(r, cFrom, "from_address");
            String badValue = amount(r, cValue);
            if (badValue != null) return badValue;
            if (cTime >= 0 && !r.isEmpty(cTime)) {
                long t = r.longValue(cTime);
                if (t < 0) return "block_timestamp '" + r.string(cTime) + "' is not unix seconds";
                builder.blockTime(block, t);
            }
            if (small == 0 && big == null) return null; // no value moved: not a transfer
            int to;
            if (r.isEmpty(cTo)) { // contract creation: the value goes to the new contract
                byte[] created = null;
                if (cContract >= 0 && r.hex(cContract, addr, 0, 20)) created = addr.clone();
                else if (receipts != null) created = receipts.contract(Hex.encode0x(hash));
                if (created == null) return "contract creation with value but no contract address (receipts.csv)";
                to = builder.addresses().intern(created, 0);
            } else {
                to = stagedAddress(r, cTo);
                if (to == BAD_ADDRESS) return badAddress(r, cTo, "to_address");
            }
            byte status;
            if (statusColumn) {
                status = r.isEmpty(cStatus) ? ReceiptIndex.UNKNOWN : r.equalsAscii(cStatus, "1") ? 1
                        : r.equalsAscii(cStatus, "0") ? 0 : (byte) 9;
                if (status == 9) return "receipt_status '" + r.string(cStatus) + "' is not 0 or 1";
            } else if (receipts != null) {
                // joined with receipts.csv after all ranges are read (ReceiptJoin): usually row by row
                status = 1;
                if (pendingLine.length == builder.size()) pendingLine = java.util.Arrays.copyOf(pendingLine, pendingLine.length * 2 + 16);
                pendingLine[builder.size()] = (int) r.line();
            } else {
                status = ReceiptIndex.UNKNOWN;
            }
            if (status == ReceiptIndex.UNKNOWN) {
                unknownStatus++;
                if (!assumeSuccess) return null; // the load fails as a whole below, with one clear message
                status = 1;
            }
            long key = OrderKey.of(block, index, 0);
            if (key < 0) return "block or transaction_index out of range";
            TransferKind kind = status == 1 ? TransferKind.NATIVE : TransferKind.REVERTED;
            if (kind == TransferKind.REVERTED) reverted++;
            builder.add(0, key, from, to, small, big, hash, 0, kind);
            return null;
        }
    }

    private static final int BAD_ADDRESS = -1;

    private final class TokenTransferPart extends Part {
        private final Tokens tokens;
        private final int cToken, cFrom, cTo, cValue, cHash, cLog, cBlock;
        long nonFungible;

        TokenTransferPart(CsvScanner csv, Tokens tokens, long[] range) {
            super(csv, range);
            this.builder = new SegmentBuilder(Chain.ETHEREUM);
            this.tokens = tokens;
            cToken = csv.column("token_address");
            cFrom = csv.column("from_address");
            cTo = csv.column("to_address");
            cValue = csv.column("value");
            cHash = csv.column("transaction_hash");
            cLog = csv.column("log_index");
            cBlock = csv.column("block_number");
        }

        @Override
        String row(CsvRow r) {
            if (!r.hex(cToken, addr, 0, 20)) return badAddress(r, cToken, "token_address");
            String token = Hex.encode0x(addr);
            if (!r.hex(cHash, hash, 0, 32)) return "bad transaction_hash '" + r.string(cHash) + "'";
            long block = r.longValue(cBlock);
            if (block < 0) return "block_number '" + r.string(cBlock) + "' is not a non-negative integer";
            long log = r.longValue(cLog);
            if (log < 0) return "log_index '" + r.string(cLog) + "' is not a non-negative integer";
            int from = stagedAddress(r, cFrom);
            if (from == BAD_ADDRESS) return badAddress(r, cFrom, "from_address");
            int to = stagedAddress(r, cTo);
            if (to == BAD_ADDRESS) return badAddress(r, cTo, "to_address");
            String badValue = amount(r, cValue);
            if (badValue != null) return badValue;
            if (!tokens.fungible(token)) { nonFungible++; return null; }
            if (small == 0 && big == null) return null;
            long key = OrderKey.of(block, log, 0);
            if (key < 0) return "block or log_index out of range";
            int asset = builder.asset(tokens.info(token));
            builder.add(asset, key, from, to, small, big, hash, 0, TransferKind.TOKEN);
            return null;
        }
    }

    /**
     * Internal transfers from traces.csv. Order inside a transaction is depth-first by trace_address (the
     * transaction's own value is rank 0, from transactions.csv; the root trace repeats it and is skipped).
     */
    private final class TracePart extends Part {
        private final Path dir;
        private final int cBlock, cHash, cIndex, cFrom, cTo, cValue, cType, cCallType, cAddress, cError, cStatus;
        private final List<InternalCall> calls = new ArrayList<>();

        TracePart(CsvScanner csv, long[] range, Path dir) {
            super(csv, range);
            this.dir = dir;
            this.builder = new SegmentBuilder(Chain.ETHEREUM);
            cBlock = csv.column("block_number");
            cHash = csv.column("transaction_hash");
            cIndex = csv.column("transaction_index");
            cFrom = csv.column("from_address");
            cTo = csv.column("to_address");
            cValue = csv.column("value");
            cType = csv.column("trace_type");
            cCallType = csv.column("call_type");
            cAddress = csv.column("trace_address");
            cError = csv.column("error");
            cStatus = csv.column("status");
        }

        @Override
        void run() {
            super.run();
            if (calls.stream().anyMatch(c -> c.txHash == null)) TxHashes.fill(dir.resolve("transactions.csv"), calls);
            calls.sort(InternalCall.ORDER);
            long lastBlock = -1, lastTx = -1;
            int rank = 0;
            for (InternalCall c : calls) {
                if (c.block != lastBlock || c.txIndex != lastTx) { rank = 0; lastBlock = c.block; lastTx = c.txIndex; }
                rank++;
                long key = OrderKey.of(c.block, c.txIndex, rank);
                if (key < 0 || c.txHash == null) {
                    rejections.add(new Rejection(csv.fileName(), c.line, key < 0 ? "more internal calls than fit the order key"
                            : "no transaction_hash and no transaction at this block and index", ""));
                    continue;
                }
                boolean small = c.amount.bitLength() < 64;
                builder.add(0, key, builder.addresses().intern(c.from), builder.addresses().intern(c.to),
                        small ? c.amount.longValue() : 0, small ? null : c.amount, Hex.bytes(c.txHash, 32), 0, TransferKind.INTERNAL);
            }
        }

        @Override
        String row(CsvRow r) {
            if (r.isEmpty(cAddress)) return null; // root call: repeats the transaction's value, counted once
            if (cType >= 0 && !(r.equalsAscii(cType, "call") || r.equalsAscii(cType, "create") || r.equalsAscii(cType, "suicide"))) return null;
            if (cCallType >= 0) {
                for (String valueless : CallTypes.VALUELESS) if (r.equalsAscii(cCallType, valueless)) return null;
            }
            if (!r.isDigits(cValue)) return "value '" + r.string(cValue) + "' is not a non-negative integer";
            if (r.longValue(cValue) == 0) return null;
            boolean failed = cStatus >= 0 ? !r.equalsAscii(cStatus, "1") : cError >= 0 && !r.isEmpty(cError);
            if (failed) return null; // it or a parent call errored: moved nothing
            long block = r.longValue(cBlock), index = r.longValue(cIndex);
            if (block < 0) return "block_number '" + r.string(cBlock) + "' is not a non-negative integer";
            if (index < 0) return "transaction_index '" + r.string(cIndex) + "' is not a non-negative integer";
            if (!r.hex(cFrom, addr, 0, 20)) return badAddress(r, cFrom, "from_address");
            String from = Hex.encode0x(addr);
            if (!r.hex(cTo, addr, 0, 20)) return badAddress(r, cTo, "to_address");
            String to = Hex.encode0x(addr);
            String txHash = null;
            if (cHash >= 0 && !r.isEmpty(cHash)) {
                if (!r.hex(cHash, hash, 0, 32)) return "bad transaction_hash '" + r.string(cHash) + "'";
                txHash = Hex.encode0x(hash);
            }
            int[] path;
            try {
                String[] parts = r.string(cAddress).split(",");
                path = new int[parts.length];
                for (int i = 0; i < parts.length; i++) path[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                return "trace_address '" + r.string(cAddress) + "' is not a list of integers";
            }
            calls.add(new InternalCall(block, index, path, txHash, from, to, r.bigInteger(cValue), r.line()));
            return null;
        }
    }

    static final class InternalCall {
        static final java.util.Comparator<InternalCall> ORDER = (a, b) -> {
            if (a.block != b.block) return Long.compare(a.block, b.block);
            if (a.txIndex != b.txIndex) return Long.compare(a.txIndex, b.txIndex);
            return java.util.Arrays.compare(a.traceAddress, b.traceAddress); // depth-first: parent before children
        };
        final long block, txIndex, line;
        final int[] traceAddress;
        String txHash;
        final String from, to;
        final BigInteger amount;

        InternalCall(long block, long txIndex, int[] traceAddress, String txHash, String from, String to,
                     BigInteger amount, long line) {
            this.block = block;
            this.txIndex = txIndex;
            this.traceAddress = traceAddress;
            this.txHash = txHash;
            this.from = from;
            this.to = to;
            this.amount = amount;
            this.line = line;
        }
    }

    /** Token metadata: which tokens are fungible and their display decimals. */
    record Tokens(Map<String, AssetInfo> known, java.util.Set<String> nonFungible) {
        static Tokens read(Path dir, List<String> warnings) {
            return TokenMetadata.read(dir, warnings);
        }

        boolean fungible(String token) {
            return !nonFungible.contains(token);
        }

        AssetInfo info(String token) {
            AssetInfo a = known.get(token);
            return a != null ? a : new AssetInfo(token, null, -1);
        }
    }

    /** Big-endian long from 8 bytes; a 32-byte hash folded to 128 bits for the receipt index. */
    static final class Longs {
        static long hi(byte[] hash) { return hiAt(hash, 0); }

        static long lo(byte[] hash) { return loAt(hash, 0); }

        static long hiAt(byte[] b, int off) { return read(b, off) ^ read(b, off + 16); }

        static long loAt(byte[] b, int off) { return read(b, off + 8) ^ read(b, off + 24); }

        static long read(byte[] b, int off) {
            return (long) BIG_ENDIAN_LONGS.get(b, off);
        }

        private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    }
}
