package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.LedgerLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-reads the text of rows refused after parsing (double spends and the like), so that no row's text is kept
 * while the export loads: one pass per file that holds such a row.
 */
final class RowTexts {

    private RowTexts() {}

    static Map<RowPlace, String> read(List<EtlSource> sources, List<ParsedChunk> chunks, List<RowPlace> places) {
        Map<Integer, List<RowPlace>> byFile = new HashMap<>();
        for (RowPlace p : places) byFile.computeIfAbsent(chunks.get(p.chunk()).file, f -> new ArrayList<>()).add(p);
        Map<RowPlace, String> texts = new HashMap<>();
        for (Map.Entry<Integer, List<RowPlace>> e : byFile.entrySet()) {
            EtlSource source = sources.get(e.getKey());
            List<RowPlace> wanted = new ArrayList<>(e.getValue());
            wanted.sort(Comparator.comparingLong(RowPlace::offset));
            try (InputStream in = source.open()) {
                long at = 0;
                for (RowPlace p : wanted) {
                    if (p.offset() < at) continue;
                    in.skipNBytes(p.offset() - at);
                    byte[] bytes = in.readNBytes(Math.min(p.length(), ChunkParser.TEXT_BYTES));
                    at = p.offset() + bytes.length;
                    texts.put(p, new String(bytes, StandardCharsets.UTF_8));
                }
            } catch (IOException ex) {
                throw new LedgerLoadException(source.path() + ": cannot read again: " + ex.getMessage());
            }
        }
        return texts;
    }
}
