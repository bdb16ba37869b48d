package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.LedgerLoadException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Picks the files of a chain folder and their order (utxo.md, "Where"): recursive, byte order of the paths
 * relative to the folder; {@code blocks*.json}, {@code transactions*.json}, {@code enriched_transactions*.json}
 * and any other {@code *.json} (read when its rows carry {@code type}); {@code .json.gz} under the same names;
 * the plain {@code <name>} is skipped when {@code enriched_<name>} is beside it.
 */
final class EtlFileSelector {

    private static final String ENRICHED = "enriched_";

    private EtlFileSelector() {}

    static List<EtlSource> select(Path folder, List<String> warnings) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new LedgerLoadException(folder + ": cannot list the folder: " + e.getMessage());
        }
        Set<Path> present = new HashSet<>(files);
        List<EtlSource> sources = new ArrayList<>();
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            String name = jsonName(fileName);
            if (name == null) continue;
            if (present.contains(f.resolveSibling(ENRICHED + fileName))) {
                warnings.add(relative(folder, f) + " is not read: " + ENRICHED + fileName + " beside it is");
                continue;
            }
            EtlSource.Kind kind = name.startsWith("blocks") ? EtlSource.Kind.BLOCKS
                    : name.startsWith("transactions") || name.startsWith(ENRICHED + "transactions") ? EtlSource.Kind.TRANSACTIONS
                    : EtlSource.Kind.TYPED;
            sources.add(new EtlSource(f, relative(folder, f), kind, fileName.endsWith(".gz")));
        }
        sources.sort((a, b) -> Arrays.compareUnsigned(a.relative().getBytes(StandardCharsets.UTF_8),
                b.relative().getBytes(StandardCharsets.UTF_8)));
        return sources;
    }

    /** The name without {@code .gz} when it is a {@code *.json} or {@code *.json.gz} file, else null. */
    static String jsonName(String fileName) {
        String name = fileName.endsWith(".json.gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return name.endsWith(".json") ? name : null;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
