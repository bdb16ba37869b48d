package dev.fundtrace.report;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * report.json: the whole result for machines, in report.md's shape (raw amounts as decimal strings).
 * A million exposures are not read back from the database for it: the trace step writes them once as a JSON
 * array ({@link #writeExposures}) and every report of that trace splices the array in.
 */
public final class JsonReportWriter {

    private static final String PLACEHOLDER = "\"exposures\" : [ ]";
    // one mapper for the process: its serializers are built on first use, which a warm-up can do ahead
    private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static void warmUp(RunReport sample) {
        json.writeValue(OutputStream.nullOutputStream(), sample);
        writeExposures(sample.exposures(), OutputStream.nullOutputStream());
    }

    public void write(RunReport report, Path file) {
        json.writeValue(file.toFile(), report);
    }

    /** Writes the report with its exposures taken from a file written by {@link #writeExposures}. */
    public void write(RunReport report, Path file, Path exposuresJson) {
        RunReport empty = new RunReport(report.job(), report.runDate(), report.generatedAt(), report.parameters(),
                report.coverage(), report.designations(), List.of(), report.flows(), report.flags(), report.summary(),
                report.changes(), report.rejected(), report.warnings());
        byte[] text = json.writeValueAsBytes(empty);
        int at = indexOf(text, PLACEHOLDER.getBytes(StandardCharsets.UTF_8));
        if (at < 0) throw new IllegalStateException("report.json layout changed: no exposures field");
        int open = at + PLACEHOLDER.length() - 3, close = at + PLACEHOLDER.length();
        // the exposures file goes across in the kernel (a quarter of a million exposures are 80 MB)
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); FileChannel in = FileChannel.open(exposuresJson, StandardOpenOption.READ)) {
            writeFully(out, ByteBuffer.wrap(text, 0, open));
            for (long pos = 0, size = in.size(); pos < size; ) pos += in.transferTo(pos, size - pos, out);
            writeFully(out, ByteBuffer.wrap(text, close, text.length - close));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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
     * The exposures as one compact JSON array, for {@link #write(RunReport, Path, Path)}: streamed field by field
     * (a quarter of a million records through data binding took seconds), in ExposureRow's field order.
     */
    public static void writeExposures(Iterable<RunReport.ExposureRow> rows, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                writeExposures(rows, out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }
}
