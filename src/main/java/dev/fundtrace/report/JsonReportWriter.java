package dev.fundtrace.report;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.files.WriteFailure;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * report.json: the whole result for machines, in report.md's shape (raw amounts as decimal strings), written in one
 * pass ({@link ReportJson}). A trace's exposures (a million at most) and flows do not change from one night to the
 * next while its inputs do not: they are written once per trace as JSON arrays ({@link #writeExposures},
 * {@link #writeFlows}, or a flow at a time with {@link #writeFlow}) and every report of that trace splices the
 * arrays in, instead of reading them back and serializing them again.
 */
public final class JsonReportWriter {

    /** Writes the whole report (its arrays from {@code report}). */
    public void write(RunReport report, Path file) {
        write(report, file, JsonFragments.NONE);
    }

    /**
     * Writes the report with its exposures and flows taken from the files of {@code fragments} (written by
     * {@link #writeExposures} and {@link #writeFlows}); a fragment that is null is taken from {@code report}.
     */
    public void write(RunReport report, Path file, JsonFragments fragments) {
        write(ReportInput.of(report, fragments), file);
    }

    /** Writes a report of any size in one pass (see {@link ReportJson}). */
    public void write(ReportInput in, Path file) {
        FlagTally tally = new FlagTally();
        try (ReportJson json = ReportJson.open(in, file, file)) {
            json.startFlags(null);
            in.flags().forEach(f -> {
                tally.add(f.row());
                json.flag(f);
            });
            RunReport.Changes changes = in.report().changes();
            json.finish(in.newIdsFromFlags() ? tally.newIds() : IdList.of(changes == null ? List.of() : HtmlReportWriter.nz(changes.newFlagIds())),
                    in.resolvedFlags(), f -> { });
        }
    }

    /**
     * The exposures as one compact JSON array, for {@link #write(RunReport, Path, JsonFragments)}: streamed field by
     * field (a quarter of a million records through data binding took seconds), in ExposureRow's field order.
     */
    public static void writeExposures(Iterable<RunReport.ExposureRow> rows, Path file) {
        writeFragment(file, out -> writeExposures(rows, out));
    }

    /**
     * The exposures as {@link #writeExposures(Iterable, Path)} writes them, handed over one at a time by
     * {@code rows} (a trace's million exposures are not held); {@code whole} runs once every row is written, before
     * the file is renamed into place.
     */
    public static void streamExposures(java.util.function.Consumer<java.util.function.Consumer<RunReport.ExposureRow>> rows,
                                       Runnable whole, Path file) {
        writeFragment(file, out -> {
            try (JsonGenerator g = compact.createGenerator(out)) {
                g.writeStartArray();
                rows.accept(e -> writeExposure(g, e));
                g.writeEndArray();
            }
            whole.run();
        });
    }

    /** The flows with their paths as one compact JSON array, like {@link #writeExposures}, in FlowRow's field order. */
    public static void writeFlows(Iterable<RunReport.FlowRow> flows, Path file) {
        writeFragment(file, out -> writeFlows(flows, out));
    }

    /** Writes under a temporary name and renames: a fragment file is whole or absent. */
    private static void writeFragment(Path file, java.util.function.Consumer<OutputStream> write) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            Files.deleteIfExists(tmp); // created afresh, so that it is created owner-only
            try (OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(
                    Files.newByteChannel(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            OwnerOnlyFiles.FILE)), 1 << 20)) {
                write.accept(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw WriteFailure.of(file, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp); // a part-written fragment (80 MB of exposures) would keep a full disk full
            throw WriteFailure.of(file, e); // the generator's JacksonIOException
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next attempt overwrites it
        }
    }

    private static final JsonMapper compact = JsonMapper.builder().build();

    private static void writeExposures(Iterable<RunReport.ExposureRow> rows, OutputStream out) {
        try (JsonGenerator g = compact.createGenerator(out)) {
            g.writeStartArray();
            for (RunReport.ExposureRow e : rows) writeExposure(g, e);
            g.writeEndArray();
        }
    }

    private static void writeExposure(JsonGenerator g, RunReport.ExposureRow e) {
        g.writeStartObject();
        g.writeStringProperty("direction", e.direction());
        g.writeStringProperty("chain", e.chain());
        g.writeStringProperty("asset", e.asset());
        g.writeStringProperty("address", e.address());
        g.writeNumberProperty("hops", e.hops());
        g.writeStringProperty("taintedAmountRaw", e.taintedAmountRaw());
        g.writeStringProperty("seed", e.seed());
        g.writeStringProperty("label", e.label());
        g.writeStringProperty("category", e.category());
        if (e.taintedAmount() != null) g.writeStringProperty("taintedAmount", e.taintedAmount());
        if (e.evidence() != null) {
            g.writeArrayPropertyStart("evidence");
            for (String coin : e.evidence()) g.writeString(coin);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeFlows(Iterable<RunReport.FlowRow> flows, OutputStream out) {
        try (JsonGenerator g = compact.createGenerator(out)) {
            g.writeStartArray();
            for (RunReport.FlowRow f : flows) writeFlow(g, f);
            g.writeEndArray();
        }
    }

    /** A generator for one flow after another, compact, as flows.json has them. */
    public static JsonGenerator compactGenerator(OutputStream out) {
        return compact.createGenerator(out);
    }

    /** One flow with its path, field by field in FlowRow's order (the objects of flows.json). */
    public static void writeFlow(JsonGenerator g, RunReport.FlowRow f) {
        g.writeStartObject();
        g.writeStringProperty("id", f.id());
        g.writeStringProperty("direction", f.direction());
        g.writeStringProperty("chain", f.chain());
        g.writeStringProperty("asset", f.asset());
        g.writeStringProperty("assetSymbol", f.assetSymbol());
        g.writeNumberProperty("decimals", f.decimals());
        g.writeStringProperty("seed", f.seed());
        g.writeStringProperty("endpoint", f.endpoint());
        g.writeStringProperty("endpointLabel", f.endpointLabel());
        g.writeStringProperty("endpointCategory", f.endpointCategory());
        g.writeNumberProperty("hops", f.hops());
        g.writeStringProperty("taintedAmountRaw", f.taintedAmountRaw());
        g.writeStringProperty("taintedAmount", f.taintedAmount());
        g.writeArrayPropertyStart("path");
        for (RunReport.StepRow s : f.path()) {
            g.writeStartObject();
            g.writeStringProperty("txHash", s.txHash());
            g.writeNumberProperty("blockNumber", s.blockNumber());
            g.writeNumberProperty("position", s.position());
            g.writeNumberProperty("subPosition", s.subPosition());
            g.writeStringProperty("from", s.from());
            g.writeStringProperty("to", s.to());
            g.writeStringProperty("amountRaw", s.amountRaw());
            g.writeStringProperty("time", s.time());
            if (s.spent() != null) g.writeStringProperty("spent", s.spent());
            if (s.outpoint() != null) g.writeStringProperty("outpoint", s.outpoint());
            if (s.taintRaw() != null) g.writeStringProperty("taintRaw", s.taintRaw());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
