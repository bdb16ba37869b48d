package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.LedgerLoadException;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the selected files in file order, cuts them at line boundaries into chunks and parses the chunks on a
 * small pool. The reading thread also appends each parsed chunk's rows, in file order, to the export's columns,
 * and hands its buffer and columns to the next chunk: a few of each serve the whole export.
 */
final class ExportParser {

    /**
     * What the files gave: every chunk in file order (each with its first line in its file), and their rows; the
     * index of their txids as far as the reading could fill it (null when there are no rows).
     */
    record Parsed(List<ParsedChunk> chunks, TxColumns rows, RowIndex index, LedgerAddresses addresses) {}

    private final LedgerAddresses addresses;
    private final ChunkParser parser;
    private final int threads;
    private final int chunkBytes;

    ExportParser(Chain chain, int threads, int chunkBytes) {
        this.addresses = new LedgerAddresses(chain);
        this.parser = new ChunkParser(new JsonFactory(), addresses);
        this.threads = Math.max(1, threads);
        this.chunkBytes = Math.max(64, chunkBytes);
    }

    Parsed parse(List<EtlSource> sources) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitcoin-etl-parse");
            t.setDaemon(true);
            return t;
        });
        Run run = new Run(pool, sources);
        try {
            for (int f = 0; f < sources.size(); f++) run.read(f);
            while (!run.pending.isEmpty()) run.appendOldest();
            long line = 0;
            int file = -1;
            for (ParsedChunk c : run.chunks) {
                if (c.file != file) { file = c.file; line = 0; }
                c.firstLine = line;
                line += c.lines;
            }
            TxColumns rows = run.rows();
            return new Parsed(run.chunks, rows, run.index, addresses);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerLoadException("interrupted while reading bitcoin-etl files");
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing a bitcoin-etl chunk failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The export's columns and the index of their txids, made on a thread of their own. */
    private record Allocated(TxColumns rows, RowIndex index) {}

    /** A parsed chunk's columns waiting for the export's to be allocated, and the chunk's id. */
    private record Waiting(TxColumns columns, int chunk) {}

    /** A chunk's buffer and the columns its rows are parsed into, from reading until its rows are appended. */
    private static final class Slot {
        byte[] buffer;
        TxColumns rows = new TxColumns(1024, 1024, 1024);

        Slot(int bytes) { buffer = new byte[bytes]; }
    }

    private final class Run {
        private final ExecutorService pool;
        private final List<EtlSource> sources;
        private final long transactionBytes;
        private final Deque<Slot> free = new ArrayDeque<>();
        private final Deque<Future<ParsedChunk>> pending = new ArrayDeque<>();
        private final Deque<Slot> pendingSlots = new ArrayDeque<>();
        private final List<ParsedChunk> chunks = new ArrayList<>();
        private int slots, submitted;
        /** the export's columns once allocated; until then the chunks' own columns wait in {@link #waiting} */
        private TxColumns rows;
        private final List<Waiting> waiting = new ArrayList<>();
        /** their txids, indexed as they are appended */
        private RowIndex index;
        private CompletableFuture<Allocated> allocating;

        Run(ExecutorService pool, List<EtlSource> sources) {
            this.pool = pool;
            this.sources = sources;
            this.transactionBytes = sources.stream().filter(s -> s.kind() != EtlSource.Kind.BLOCKS).mapToLong(EtlSource::size).sum();
        }

        void read(int file) throws InterruptedException, ExecutionException {
            EtlSource source = sources.get(file);
            try (InputStream in = source.open()) {
                Slot slot = take(0);
                int n = 0;
                long offset = 0;
                while (true) {
                    byte[] buf = slot.buffer;
                    n += in.readNBytes(buf, n, buf.length - n);
                    if (n < buf.length) {
                        if (n > 0) submit(slot, file, source, n, offset);
                        else free.push(slot);
                        return;
                    }
                    int last = n - 1;
                    while (last >= 0 && buf[last] != '\n') last--;
                    if (last < 0) {
                        slot.buffer = Arrays.copyOf(buf, buf.length * 2); // a line longer than a chunk
                        continue;
                    }
                    int rest = n - last - 1;
                    Slot next = take(rest * 2);
                    System.arraycopy(buf, last + 1, next.buffer, 0, rest);
                    submit(slot, file, source, last + 1, offset);
                    offset += last + 1;
                    slot = next;
                    n = rest;
                }
            } catch (IOException e) {
                throw new LedgerLoadException(source.path() + ": cannot read: " + e.getMessage());
            }
        }

        /** A free slot whose buffer holds at least {@code atLeast} bytes; appends the oldest chunk when none is free. */
        private Slot take(int atLeast) throws InterruptedException, ExecutionException {
            while (true) {
                while (!pending.isEmpty() && pending.peekFirst().isDone()) appendOldest();
                if (free.isEmpty() && slots < threads * 2 + 1) { slots++; free.push(new Slot(chunkBytes)); }
                if (!free.isEmpty()) break;
                appendOldest();
            }
            Slot s = free.pop();
            if (s.buffer.length < atLeast) s.buffer = new byte[Math.max(chunkBytes, atLeast)];
            return s;
        }

        private void submit(Slot slot, int file, EtlSource source, int length, long offset) {
            int id = submitted++;
            byte[] data = slot.buffer;
            TxColumns columns = slot.rows;
            columns.clear();
            pending.addLast(pool.submit(() -> parser.parse(id, file, source, data, length, offset, columns)));
            pendingSlots.addLast(slot);
        }

        /** Waits for the oldest chunk in flight, appends its rows to the export's and frees its slot. */
        void appendOldest() throws InterruptedException, ExecutionException {
            ParsedChunk c = pending.removeFirst().get();
            Slot slot = pendingSlots.removeFirst();
            if (c.transactions.size() > 0) {
                if (rows == null && allocating == null) allocating = sized(c);
                if (rows == null && allocating.isDone()) takeAllocated();
                if (rows != null) {
                    rows.append(c.transactions, c.id);
                    index.addAppended(rows);
                } else {
                    // the chunk keeps its columns until the export's are there, and its slot takes new ones of about
                    // its size: copied once, not gathered first in columns that grow (and are copied) as they fill
                    TxColumns t = c.transactions;
                    waiting.add(new Waiting(t, c.id));
                    slot.rows = new TxColumns(t.size() + t.size() / 8, t.inputCount() + t.inputCount() / 8,
                            t.outputCount() + t.outputCount() / 8);
                }
            }
            c.transactions = null;
            chunks.add(c);
            free.push(slot);
        }

        /** The export's columns, all rows in, once every chunk is appended. */
        TxColumns rows() throws InterruptedException, ExecutionException {
            if (rows == null && allocating != null) takeAllocated();
            return rows != null ? rows : new TxColumns(0, 0, 0);
        }

        private void takeAllocated() throws InterruptedException, ExecutionException {
            Allocated a = allocating.get();
            rows = a.rows();
            index = a.index();
            for (Waiting w : waiting) rows.append(w.columns(), w.chunk());
            index.addAppended(rows);
            waiting.clear();
        }

        /**
         * The export's columns and txid index, sized from the first chunk with rows for all of the transactions
         * files: growing them would copy them, and oversized ones are zeroed for nothing. Zeroing them touches every
         * page of a few hundred megabytes, which is slow: a thread of their own does it while the reading goes on,
         * and the rows parsed meanwhile wait in small columns of their own.
         */
        private CompletableFuture<Allocated> sized(ParsedChunk first) {
            TxColumns t = first.transactions;
            double scale = 1.05 * Math.max(first.bytes, transactionBytes) / first.bytes;
            int rowCount = (int) Math.min(Integer.MAX_VALUE - 8, t.size() * scale);
            int inputCount = (int) Math.min(Integer.MAX_VALUE - 8, t.inputCount() * scale);
            int outputCount = (int) Math.min(Integer.MAX_VALUE - 8, t.outputCount() * scale);
            return CompletableFuture.supplyAsync(() -> new Allocated(new TxColumns(rowCount, inputCount, outputCount), new RowIndex(rowCount)),
                    task -> Thread.ofPlatform().daemon().name("bitcoin-etl-columns").start(task));
        }
    }
}
