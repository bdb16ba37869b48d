package dev.fundtrace.report;

import dev.fundtrace.files.WriteFailure;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * report.json written front to back in one pass, in {@link RunReport}'s field order and the indented layout
 * data binding gives it: the small parts bound as values, the exposures and flows arrays copied from their files
 * (in the kernel: at a large reach they are most of the file), the flags field by field as they pass.
 */
final class ReportJson implements AutoCloseable {

    // one mapper for the process: its serializers are built on first use; its generators indent as data binding does
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ReportInput in;
    /** The file a failure names: the one the reader knows, not the temporary name written. */
    private final Path file;
    private final FileChannel channel;
    private final Recording out;
    private final JsonGenerator g;
    /** True once the flags array was spliced in whole from an earlier rendering, not written flag by flag. */
    private boolean flagsSpliced;

    private ReportJson(ReportInput in, Path file, FileChannel channel) {
        this.in = in;
        this.file = file;
        this.channel = channel;
        this.out = new Recording(Channels.newOutputStream(channel));
        this.g = PRETTY.createGenerator(out);
    }

    /** The file's stream, which can also hand what passes to a second stream (the flags array, kept for reuse). */
    private static final class Recording extends OutputStream {
        private final OutputStream target;
        private OutputStream copy;

        Recording(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            if (copy != null) copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            if (copy != null) copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
            if (copy != null) copy.flush();
        }

        @Override
        public void close() throws IOException {
            stopCopy();
            target.close();
        }

        void stopCopy() throws IOException {
            if (copy != null) copy.close();
            copy = null;
        }
    }

    /**
     * Opens {@code file} (created or replaced) and writes everything before the flags; a failure names
     * {@code shownAs}.
     */
    static ReportJson open(ReportInput in, Path file, Path shownAs) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw WriteFailure.of(shownAs, e);
        }
        ReportJson json = new ReportJson(in, shownAs, channel);
        try {
            json.head();
        } catch (IOException e) {
            json.closeQuietly();
            throw WriteFailure.of(shownAs, e);
        } catch (RuntimeException e) {
            json.closeQuietly();
            throw e;
        }
        return json;
    }

    private void head() throws IOException {
        RunReport r = in.report();
        try {
            g.writeStartObject();
            g.writeStringProperty("job", r.job());
            g.writeStringProperty("runDate", r.runDate());
            g.writeStringProperty("generatedAt", r.generatedAt());
            g.writePOJOProperty("parameters", r.parameters());
            g.writePOJOProperty("coverage", r.coverage());
            g.writePOJOProperty("designations", r.designations());
            g.writeName("exposures");
            if (in.exposuresJson() != null) splice(in.exposuresJson());
            else g.writePOJO(r.exposures());
            g.writeName("flows");
            if (in.flowsJson() != null) splice(in.flowsJson());
            else g.writePOJO(r.flows());
            g.writeName("flags");
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /**
     * Starts the flags array, to be written flag by flag; when {@code keep} is not null, the array's bytes (from
     * the separator after its name to its closing bracket) also go there, for {@link #spliceFlags} on a later night.
     */
    void startFlags(OutputStream keep) {
        try {
            g.flush();
            out.copy = keep;
            g.writeStartArray();
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** The flags array as {@link #startFlags} kept it: the same bytes the flags would be written as. */
    void spliceFlags(Path kept) throws IOException {
        try {
            g.flush();
            long before = channel.position();
            g.writeRawValue(""); // the separator, as the array's start writes it, and the note that the field has its value
            g.flush();
            long separator = channel.position() - before;
            try (FileChannel from = FileChannel.open(kept, StandardOpenOption.READ)) {
                for (long pos = separator, size = from.size(); pos < size; ) pos += from.transferTo(pos, size - pos, channel);
            }
            flagsSpliced = true;
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** A JSON array from a file, as the value of the field just named. */
    private void splice(Path fragment) throws IOException {
        g.writeRawValue(""); // the separator, and the generator's note that the field has its value
        g.flush();
        try (FileChannel from = FileChannel.open(fragment, StandardOpenOption.READ)) {
            for (long pos = 0, size = from.size(); pos < size; ) pos += from.transferTo(pos, size - pos, channel);
        }
    }

    /** One flag of the flags array. */
    void flag(ReportedFlag flag) {
        try {
            write(g, flag.row());
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /**
     * Ends the flags array and writes the rest; the resolved flags of {@code resolved} are written as they pass
     * and handed on to {@code alsoEach}.
     *
     * @param newFlagIds changes.newFlagIds
     */
    void finish(IdList newFlagIds, FlagSource resolved, java.util.function.Consumer<ReportedFlag> alsoEach) {
        RunReport r = in.report();
        try {
            if (!flagsSpliced) {
                g.writeEndArray();
                g.flush();
                out.stopCopy();
            }
            g.writePOJOProperty("summary", r.summary());
            g.writeName("changes");
            if (r.changes() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringProperty("previousRunDate", r.changes().previousRunDate());
                g.writeArrayPropertyStart("newFlagIds");
                newFlagIds.forEach(g::writeString);
                g.writeEndArray();
                g.writeArrayPropertyStart("resolvedFlags");
                resolved.forEach(f -> {
                    write(g, f.row());
                    alsoEach.accept(f);
                });
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writePOJOProperty("rejected", r.rejected());
            g.writePOJOProperty("warnings", r.warnings());
            g.writePOJOProperty("clusters", r.clusters());
            if (r.audit() != null) g.writePOJOProperty("audit", r.audit());
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /**
     * A flag field by field, as data binding writes {@link RunReport.FlagRow} (amountRaw and review left out when
     * null).
     */
    static void write(JsonGenerator g, RunReport.FlagRow f) {
        g.writeStartObject();
        g.writeStringProperty("id", f.id());
        g.writeStringProperty("rule", f.rule());
        g.writeStringProperty("severity", f.severity());
        g.writeStringProperty("address", f.address());
        g.writeStringProperty("seed", f.seed());
        g.writeStringProperty("chain", f.chain());
        g.writeStringProperty("asset", f.asset());
        g.writeStringProperty("assetSymbol", f.assetSymbol());
        g.writeNumberProperty("hops", f.hops());
        strings(g, "flowIds", f.flowIds());
        strings(g, "evidence", f.evidence());
        g.writeStringProperty("explanation", f.explanation());
        g.writeStringProperty("depositAddress", f.depositAddress());
        if (f.amountRaw() != null) g.writeStringProperty("amountRaw", f.amountRaw());
        g.writeBooleanProperty("newSinceLastRun", f.newSinceLastRun());
        if (f.review() != null) g.writePOJOProperty("review", f.review());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    @Override
    public void close() {
        try {
            g.close();
            channel.close();
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        } catch (RuntimeException e) {
            throw WriteFailure.of(file, e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // the write's own failure is the one reported
        }
    }
}
