package dev.fundtrace.results;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.files.WriteFailure;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.report.JsonReportWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.trace.TracedChain;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

/**
 * A trace's exposures as files in its run folder: report.json's exposures array ({@code exposures.json}, which
 * every report of the trace splices in) and page one's totals ({@code exposure-totals.json}), both made in one
 * pass over the trace. The array is renamed into place last: when it is there, the totals are too.
 */
public final class ExposureFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path json, totals;

    public ExposureFiles(Path runFolder) {
        this.json = runFolder.resolve("exposures.json");
        this.totals = runFolder.resolve("exposure-totals.json");
    }

    public Path json() { return json; }

    public boolean exist() {
        return Files.isRegularFile(json) && Files.isRegularFile(totals);
    }

    /**
     * Writes the exposures of {@code chains}, in their order, one at a time; returns how many.
     *
     * @param designated the designated addresses (canonical form), for page one's "sanctioned" totals
     */
    public long write(List<? extends TracedChain> chains, LabelBook labels, Collection<String> designated) {
        ExposureTotals sums = new ExposureTotals(designated);
        long[] count = {0};
        JsonReportWriter.streamExposures(each -> {
            for (TracedChain c : chains) {
                c.forEachExposure(labels, e -> {
                    count[0]++;
                    sums.add(e);
                    each.accept(ExposureRows.of(e));
                });
            }
        }, () -> writeTotals(sums.rows()), json);
        return count[0];
    }

    private void writeTotals(List<RunReport.ExposureTotal> rows) {
        Path tmp = totals.resolveSibling(totals.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.createDirectories(totals.getParent());
            JSON.writeValue(tmp.toFile(), rows);
            OwnerOnlyFiles.restrict(tmp);
            Files.move(tmp, totals, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw WriteFailure.of(totals, e);
        } catch (RuntimeException e) {
            throw WriteFailure.of(totals, e);
        }
    }

    /** Page one's totals, as {@link #write} summed them. */
    public List<RunReport.ExposureTotal> totals() {
        return JSON.readValue(totals.toFile(), new TypeReference<List<RunReport.ExposureTotal>>() {});
    }

    /** Deletes both files, so that a trace whose exposures are to be written again is not taken for whole. */
    public void forget() {
        try {
            Files.deleteIfExists(json);
            Files.deleteIfExists(totals);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + json + ": " + e.getMessage(), e);
        }
    }
}
