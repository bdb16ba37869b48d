package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.ledger.store.Hex;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Traces exported from geth have no transaction_hash: find it by (block, transaction_index). */
final class TxHashes {
    private TxHashes() {}

    static void fill(Path transactions, List<EtlExportLoader.InternalCall> calls) {
        Map<Long, Map<Long, String>> wanted = new HashMap<>();
        for (var c : calls) if (c.txHash == null) wanted.computeIfAbsent(c.block, b -> new HashMap<>()).put(c.txIndex, null);
        CsvScanner csv = CsvScanner.open(transactions);
        int cHash = csv.column("hash"), cBlock = csv.column("block_number"), cIndex = csv.column("transaction_index");
        byte[] hash = new byte[32];
        csv.scan(row -> {
            Map<Long, String> inBlock = wanted.get(row.longValue(cBlock));
            if (inBlock == null) return;
            long index = row.longValue(cIndex);
            if (inBlock.containsKey(index) && row.hex(cHash, hash, 0, 32)) inBlock.put(index, Hex.encode0x(hash));
        });
        for (var c : calls) {
            if (c.txHash == null) {
                Map<Long, String> inBlock = wanted.get(c.block);
                c.txHash = inBlock == null ? null : inBlock.get(c.txIndex);
            }
        }
    }
}
