package dev.fundtrace.chain.utxo.etl;

import java.util.ArrayList;
import java.util.List;

/** What one chunk of a file gave: rows mapped on their own, and the rows refused at that stage. */
final class ParsedChunk {

    /** A refused row, by its 0-based line inside the chunk. */
    record LocalRejection(int line, String reason, String text) {}

    final int id;
    final int file;
    final long fileOffset;
    /** the chunk's accepted transactions rows until they are appended to the export's; then null */
    TxColumns transactions;
    final List<EtlBlock> blocks = new ArrayList<>();
    final List<LocalRejection> rejections = new ArrayList<>();
    /** the chunk's length in bytes */
    int bytes;
    /** lines in the chunk, empty ones included: the next chunk's first line follows them */
    int lines;
    /** non-empty lines: the chain's rows */
    long rows;
    /** whether any row carried a {@code type} (a typed file is read only then) */
    boolean typed;
    /** 0-based line in its file of the chunk's first line; set once all chunks before it are known */
    long firstLine;

    ParsedChunk(int id, int file, long fileOffset, TxColumns transactions) {
        this.id = id;
        this.file = file;
        this.fileOffset = fileOffset;
        this.transactions = transactions;
    }
}
