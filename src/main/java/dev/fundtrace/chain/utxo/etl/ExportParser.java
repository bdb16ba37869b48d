package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.LedgerLoadException;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the selected files in file order, cuts them at line boundaries into chunks and parses the chunks on a
 * small pool. The reader holds only the chunks in flight; the results come back in file order.
 */
final class ExportParser {

    private final ChunkParser parser;
    private final int threads;
    private final int chunkBytes;

    ExportParser(Chain chain, int threads, int chunkBytes) {
        this.parser = new ChunkParser(new JsonFactory(), new LedgerAddresses(chain));
        this.threads = Math.max(1, threads);
        this.chunkBytes = Math.max(64, chunkBytes);
    }

    /** Every chunk of every file, in file order, with each chunk's first line in its file. */
    List<ParsedChunk> parse(List<EtlSource> sources) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitcoin-etl-parse");
            t.setDaemon(true);
            return t;
        });
        Buffers inFlight = new Buffers(threads * 2 + 1, chunkBytes);
        List<Future<ParsedChunk>> futures = new ArrayList<>();
        try {
            for (int f = 0; f < sources.size(); f++) read(pool, inFlight, futures, f, sources.get(f));
            List<ParsedChunk> chunks = new ArrayList<>(futures.size());
            for (Future<ParsedChunk> future : futures) chunks.add(future.get());
            long line = 0;
            int file = -1;
            for (ParsedChunk c : chunks) {
                if (c.file != file) { file = c.file; line = 0; }
                c.firstLine = line;
                line += c.lines;
            }
            return chunks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerLoadException("interrupted while reading bitcoin-etl files");
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing a bitcoin-etl chunk failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void read(ExecutorService pool, Buffers inFlight, List<Future<ParsedChunk>> futures, int file,
                      EtlSource source) throws InterruptedException {
        try (InputStream in = source.open()) {
            byte[] buf = inFlight.take(0);
            int n = 0;
            long offset = 0;
            while (true) {
                n += in.readNBytes(buf, n, buf.length - n);
                if (n < buf.length) {
                    if (n > 0) submit(pool, inFlight, futures, file, source, buf, n, offset);
                    else inFlight.give(buf);
                    return;
                }
                int last = n - 1;
                while (last >= 0 && buf[last] != '\n') last--;
                if (last < 0) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2); // a line longer than a chunk
                    continue;
                }
                int rest = n - last - 1;
                byte[] next = inFlight.take(rest * 2);
                System.arraycopy(buf, last + 1, next, 0, rest);
                submit(pool, inFlight, futures, file, source, buf, last + 1, offset);
                offset += last + 1;
                buf = next;
                n = rest;
            }
        } catch (IOException e) {
            throw new LedgerLoadException(source.path() + ": cannot read: " + e.getMessage());
        }
    }

    private void submit(ExecutorService pool, Buffers inFlight, List<Future<ParsedChunk>> futures, int file,
                        EtlSource source, byte[] data, int length, long offset) throws InterruptedException {
        int id = futures.size();
        futures.add(pool.submit(() -> {
            try {
                return parser.parse(id, file, source, data, length, offset);
            } finally {
                inFlight.give(data);
            }
        }));
    }

    /**
     * The chunk buffers: a few, reused, so that reading neither allocates nor zeroes a buffer per chunk; taking
     * one waits while all are being parsed, which bounds the memory the reader runs ahead with.
     */
    private static final class Buffers {
        private final BlockingQueue<byte[]> free;
        private final int size;
        private int created;
        private final int max;

        Buffers(int max, int size) {
            this.free = new ArrayBlockingQueue<>(max + 1);
            this.max = max;
            this.size = size;
        }

        byte[] take(int atLeast) throws InterruptedException {
            byte[] b = free.poll();
            if (b == null && created < max) { created++; b = new byte[size]; }
            if (b == null) b = free.take();
            return b.length >= atLeast ? b : new byte[Math.max(size, atLeast)];
        }

        void give(byte[] b) {
            free.offer(b);
        }
    }
}
