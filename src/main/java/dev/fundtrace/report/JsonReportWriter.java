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
 * report.json: the whole result for machines, in report.md's shape (raw amounts as decimal strings).
 * A trace's exposures (a million at most) and flows do not change from one night to the next while its inputs do
 * not: they are written once per trace as JSON arrays ({@link #writeExposures}, {@link #writeFlows}) and every
 * report of that trace splices the arrays in, instead of reading them back and serializing them again.
 */
public final class JsonReportWriter {

    private static final String EXPOSURES = "\"exposures\" : [ ]", FLOWS = "\"flows\" : [ ]";
    // one mapper for the process: its serializers are built on first use
    private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(RunReport report, Path file) {
        try {
            json.writeValue(file.toFile(), report);
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e); // Jackson's JacksonIOException around the IOException
        }
    }

    /**
     * Writes the report with its exposures and flows taken from the files of {@code fragments} (written by
     * {@link #writeExposures} and {@link #writeFlows}); a fragment that is null is taken from {@code report}.
     */
    public void write(RunReport report, Path file, JsonFragments fragments) {
        RunReport rest = new RunReport(report.job(), report.runDate(), report.generatedAt(), report.parameters(),
                report.coverage(), report.designations(), fragments.exposures() == null ? report.exposures() : List.of(),
                fragments.flows() == null ? report.flows() : List.of(), report.flags(), report.summary(),
                report.changes(), report.rejected(), report.warnings(), report.clusters(), report.audit(), null);
        byte[] text = json.writeValueAsBytes(rest);
        // the placeholders in the order they appear (exposures come before flows in RunReport)
        List<Splice> splices = new java.util.ArrayList<>();
        if (fragments.exposures() != null) splices.add(Splice.find(text, EXPOSURES, fragments.exposures()));
        if (fragments.flows() != null) splices.add(Splice.find(text, FLOWS, fragments.flows()));
        // the fragments go across in the kernel (a quarter of a million exposures are 80 MB)
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            int from = 0;
            for (Splice splice : splices) {
                writeFully(out, ByteBuffer.wrap(text, from, splice.open() - from));
                try (FileChannel in = FileChannel.open(splice.fragment(), StandardOpenOption.READ)) {
                    for (long pos = 0, size = in.size(); pos < size; ) pos += in.transferTo(pos, size - pos, out);
                }
                from = splice.close();
            }
            writeFully(out, ByteBuffer.wrap(text, from, text.length - from));
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** Where the empty array {@code [ ]} of a placeholder field starts and ends in the written text. */
    private record Splice(int open, int close, Path fragment) {
        static Splice find(byte[] text, String placeholder, Path fragment) {
            int at = indexOf(text, placeholder.getBytes(StandardCharsets.UTF_8));
            if (at < 0) throw new IllegalStateException("report.json layout changed: no " + placeholder);
            return new Splice(at + placeholder.length() - 3, at + placeholder.length(), fragment);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) out.write(b);
    }

    private static int indexOf(byte[] text, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= text.length; i++) {
            for (int k = 0; k < what.length; k++) if (text[i + k] != what[k]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * The exposures as one compact JSON array, for {@link #write(RunReport, Path, JsonFragments)}: streamed field by
     * field (a quarter of a million records through data binding took seconds), in ExposureRow's field order.
     */
    public static void writeExposures(Iterable<RunReport.ExposureRow> rows, Path file) {
        writeFragment(file, out -> writeExposures(rows, out));
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
            for (RunReport.ExposureRow e : rows) {
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
            g.writeEndArray();
        }
    }

    private static void writeFlows(Iterable<RunReport.FlowRow> flows, OutputStream out) {
        try (JsonGenerator g = compact.createGenerator(out)) {
            g.writeStartArray();
            for (RunReport.FlowRow f : flows) {
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
            g.writeEndArray();
        }
    }
}
