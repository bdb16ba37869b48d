package dev.fundtrace.results;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.rules.FindingSink;
import dev.fundtrace.rules.FlagPart;
import dev.fundtrace.trace.Flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Takes a trace's flows and flag parts from the engine as they come and writes the trace's {@link Findings}: the
 * flags merged and in report order, every flow in report order as report.json's flows array, and the flows the
 * page shows. The files are made in a folder of their own under a temporary name, renamed into place when whole:
 * a trace has all its findings or none, whenever the process is killed.
 */
public final class FindingsWriter implements FindingSink, AutoCloseable {

    /** What was written: counts by severity, how many flows, and the flags' key hashes in ascending order. */
    public record Written(Map<String, Integer> flagsBySeverity, int flags, int flows, long[] sortedKeys) {}

    private final Findings target;
    private final Path work;
    private final FlagSorter flags;
    private final FlowSorter flows;

    public FindingsWriter(Findings target) {
        this.target = target;
        this.work = target.temporaryFolder();
        try {
            Findings.deleteFolder(work); // an attempt that was killed
            OwnerOnlyFiles.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + work + ": " + e.getMessage(), e);
        }
        this.flags = new FlagSorter(RecordSpool.create(work, "flag-parts"));
        this.flows = new FlowSorter(RecordSpool.create(work, "flows"));
    }

    @Override
    public int flow(Flow flow) {
        return flows.add(flow);
    }

    @Override
    public void part(FlagPart part) {
        flags.add(part);
        if (part.flow() >= 0) flows.flaggedBy(part.flow(), part.severity());
    }

    /** Sorts, writes and renames the findings into place. */
    public Written finish() {
        try {
            long[] keys;
            int n;
            try (FlagFile.Writer out = new FlagFile.Writer(work.resolve(Findings.FLAGS))) {
                KeyList list = new KeyList();
                flags.forEachFlag(f -> {
                    try {
                        out.add(f.flag(), f.keyHash(), f.assetSymbol(), f.decimals());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    list.add(f.keyHash());
                });
                keys = list.sorted();
                n = out.count();
            }
            flows.write(work.resolve(Findings.FLOWS), work.resolve(Findings.PAGE_FLOWS));
            int flowCount = flows.count();
            close();
            target.publish(work);
            return new Written(target.counts(), n, flowCount, keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.folder() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write " + target.folder() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Deletes the spools (and, unless published, the temporary folder's files stay for the next attempt to clear). */
    @Override
    public void close() {
        flags.close();
        flows.close();
    }

    /** Key hashes as a growing long array. */
    private static final class KeyList {
        private long[] keys = new long[1024];
        private int n;

        void add(long k) {
            if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
            keys[n++] = k;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(keys, n);
            Arrays.sort(out);
            return out;
        }
    }
}
