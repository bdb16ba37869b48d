package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.LedgerLoadException;
import dev.fundtrace.rejects.Rejection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a folder of bitcoin-etl JSON-lines exports (export_all, enrich_transactions, stream, BigQuery) of one
 * UTXO chain into a {@link dev.fundtrace.ledger.coin.CoinLedger}, following utxo.md. Files are parsed in
 * line-aligned chunks on all cores into columns; the rows are then linked in (block, position) order on one thread. A bad
 * row is refused whole, with its file and line, and the load goes on; too many refused rows fail the load.
 */
public final class BitcoinEtlLoader {

    static final int CHUNK_BYTES = 4 << 20;

    private final Chain chain;
    private final int threads;
    private final int chunkBytes;

    public BitcoinEtlLoader(Chain chain) {
        this(chain, Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    BitcoinEtlLoader(Chain chain, int threads, int chunkBytes) {
        if (chain.family() != Chain.Family.UTXO) throw new IllegalArgumentException(chain.id() + " is not a UTXO chain");
        this.chain = chain;
        this.threads = threads;
        this.chunkBytes = chunkBytes;
    }

    /** The files a load of {@code folder} reads, in the order it reads them (for the report's audit trail). */
    public static List<Path> filesRead(Path folder) {
        return EtlFileSelector.select(folder, new java.util.ArrayList<>()).stream().map(EtlSource::path).toList();
    }

    /** As {@link #load(Path, double, Runnable)}, told nothing when the files are read. */
    public UtxoLoad load(Path folder, double maxRejectedShare) {
        return load(folder, maxRejectedShare, () -> {});
    }

    /**
     * @param folder           the chain's {@code files} folder, read recursively
     * @param maxRejectedShare the load fails when refused rows exceed this share of the chain's rows
     * @param filesRead        run once every file is parsed, before the rows are linked (on one core: the caller
     *                         may start work of its own on the others)
     * @throws LedgerLoadException when the folder cannot be read or too many rows are refused
     */
    public UtxoLoad load(Path folder, double maxRejectedShare, Runnable filesRead) {
        if (!Files.isDirectory(folder)) throw new LedgerLoadException(folder + ": no such folder for the " + chain.id() + " export");
        List<String> warnings = new ArrayList<>();
        List<EtlSource> sources = EtlFileSelector.select(folder, warnings);
        ExportParser.Parsed parsed = new ExportParser(chain, threads, chunkBytes).parse(sources);
        filesRead.run();
        List<ParsedChunk> chunks = parsed.chunks();

        Set<Integer> typedFiles = new HashSet<>();
        for (ParsedChunk c : chunks) if (c.typed) typedFiles.add(c.file);
        List<EtlBlock> blocks = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<Integer> rejectionFiles = new ArrayList<>();
        Set<Integer> ignored = new HashSet<>();
        long rows = 0;
        for (ParsedChunk c : chunks) {
            EtlSource source = sources.get(c.file);
            if (source.kind() == EtlSource.Kind.TYPED && !typedFiles.contains(c.file)) {
                if (ignored.add(c.file)) warnings.add(source.relative() + " is not read: its rows carry no type");
                continue;
            }
            rows += c.rows;
            blocks.addAll(c.blocks);
            for (ParsedChunk.LocalRejection r : c.rejections) {
                rejections.add(new Rejection(source.relative(), c.firstLine + r.line() + 1, r.reason(), r.text()));
                rejectionFiles.add(c.file);
            }
        }
        if (sources.isEmpty()) warnings.add(folder + " holds no bitcoin-etl *.json files");

        // a typed file without typed rows has only refused rows: none of its rows is among the parsed transactions
        CoinResolver.Result resolved = new CoinResolver(chain, warnings).resolve(parsed.rows(), parsed.index(), parsed.addresses(), blocks);
        List<RowPlace> late = resolved.refusals().stream().map(r -> parsed.rows().place(r.row())).toList();
        Map<RowPlace, String> texts = RowTexts.read(sources, chunks, late);
        for (CoinResolver.Refusal r : resolved.refusals()) {
            RowPlace p = parsed.rows().place(r.row());
            ParsedChunk c = chunks.get(p.chunk());
            rejections.add(new Rejection(sources.get(c.file).relative(), c.firstLine + p.line() + 1, r.reason(), texts.get(p)));
            rejectionFiles.add(c.file);
        }
        List<Rejection> ordered = inFileOrder(rejections, rejectionFiles);
        if (rows > 0 && (double) ordered.size() / rows > maxRejectedShare) {
            throw new LedgerLoadException(folder + ": " + ordered.size() + " of " + rows + " " + chain.id() + " rows refused ("
                    + String.format("%.2f%%", 100.0 * ordered.size() / rows) + "), more than maxRejectedShare "
                    + maxRejectedShare + "; first: " + ordered.get(0).message());
        }
        return new UtxoLoad(resolved.ledger(), ordered, rows, List.copyOf(warnings));
    }

    private static List<Rejection> inFileOrder(List<Rejection> rejections, List<Integer> files) {
        Integer[] order = new Integer[rejections.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(files::get).thenComparingLong(i -> rejections.get(i).line()));
        List<Rejection> out = new ArrayList<>(order.length);
        for (int i : order) out.add(rejections.get(i));
        return out;
    }
}
