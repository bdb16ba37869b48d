package dev.fundtrace.chain.utxo.etl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file of a chain folder that is read: its path relative to the folder (how rejections name it), what its
 * name says it holds, and whether it is gzip-compressed.
 */
record EtlSource(Path path, String relative, Kind kind, boolean gzip) {

    /** What a file's name says its rows are. */
    enum Kind {
        BLOCKS, TRANSACTIONS,
        /** any other {@code *.json}: read only when its rows carry {@code type} */
        TYPED
    }

    /** The type a row of this file must have, or null when any is allowed (a typed file without a telling name). */
    String expectedType() {
        String name = EtlFileSelector.jsonName(path.getFileName().toString());
        if (name.startsWith("blocks")) return RowTypes.BLOCK;
        if (name.contains("transactions")) return RowTypes.TRANSACTION;
        return null;
    }

    /** The file's size on disk (compressed, for gzip), or 0 when it cannot be read. */
    long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file's content, decompressed when it is gzip. */
    InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(path);
        return gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
    }
}
