package dev.fundtrace.batch;

import dev.fundtrace.chain.utxo.etl.BitcoinEtlLoader;
import dev.fundtrace.chain.utxo.etl.UtxoLoad;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.coin.CoinLedger;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The UTXO chains' ledgers between their ledger step and the trace. A UTXO ledger lives in memory only: the
 * trace step of the same process takes it from here, and a resumed run (or a night whose trace cannot be reused)
 * loads the export folder again, which gives the same ledger while the folder is unchanged.
 */
@Component
class CoinLedgers {

    private final Map<String, CoinLedger> loaded = new HashMap<>();

    /** Loads a chain's export folder (bad rows refused, the load failed when too many are). */
    UtxoLoad load(JobDefinition.UtxoLedger source, double maxRejectedShare) {
        return load(source, maxRejectedShare, () -> {});
    }

    /** As {@link #load(JobDefinition.UtxoLedger, double)}; {@code filesRead} runs once the files are parsed. */
    UtxoLoad load(JobDefinition.UtxoLedger source, double maxRejectedShare, Runnable filesRead) {
        return new BitcoinEtlLoader(source.chain()).load(source.files(), maxRejectedShare, filesRead);
    }

    synchronized void put(JobDefinition.UtxoLedger source, CoinLedger ledger) {
        loaded.put(key(source), ledger);
    }

    /** The ledger the ledger step loaded from this folder as it is now, or a fresh load of it. */
    CoinLedger take(JobDefinition.UtxoLedger source, double maxRejectedShare) {
        CoinLedger hit;
        synchronized (this) {
            hit = loaded.remove(key(source));
        }
        return hit != null ? hit : load(source, maxRejectedShare).ledger();
    }

    private static String key(JobDefinition.UtxoLedger source) {
        return source.chain().id() + " " + fingerprint(source.files());
    }

    /**
     * What the folder holds: every file's relative path, size and modification time. A new or rewritten export
     * changes it, so a night over new data never reuses an earlier night's trace.
     */
    static String fingerprint(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
            for (Path p : sorted) {
                Path f = folder.resolve(p);
                sha.update((p + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
