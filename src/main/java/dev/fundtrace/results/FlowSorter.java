package dev.fundtrace.results;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.report.HtmlReportWriter;
import dev.fundtrace.report.JsonReportWriter;
import dev.fundtrace.rules.Rule;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Flow;
import tools.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flows of a trace as the engine makes them, each spooled once as the JSON object report.json has for it, with
 * its sort key in a few arrays; then written in report order (forward first, then asset, hops, endpoint) as the
 * trace's flows.json, and the few the page shows as page-flows.json: the first listed, and those the drawing
 * shows (the flows of the most severe flags first, as {@code GraphLayout.drawn} chooses them).
 */
final class FlowSorter implements AutoCloseable {

    /** No flag rests on the flow: it is drawn after every flagged one. */
    private static final byte UNFLAGGED = 3;

    private final RecordSpool spool;
    private final FlowJson json = new FlowJson();
    private final TextCodes chains = new TextCodes(), assets = new TextCodes();
    private final ByteArena endpoints = new ByteArena();
    private byte[] backward = new byte[1024], rank = new byte[1024];
    private int[] asset = new int[1024], hops = new int[1024], chain = new int[1024];
    private int count;

    FlowSorter(RecordSpool spool) {
        this.spool = spool;
    }

    /** Spools a flow; returns its handle. */
    int add(Flow f) {
        if (count == asset.length) {
            int n = count * 2;
            backward = Arrays.copyOf(backward, n);
            rank = Arrays.copyOf(rank, n);
            asset = Arrays.copyOf(asset, n);
            hops = Arrays.copyOf(hops, n);
            chain = Arrays.copyOf(chain, n);
        }
        backward[count] = (byte) (f.direction() == Direction.BACKWARD ? 1 : 0);
        rank[count] = UNFLAGGED;
        asset[count] = assets.code(f.asset());
        hops[count] = f.hops();
        chain[count] = chains.code(f.chain());
        endpoints.add(f.endpoint());
        json.add(f, spool);
        return count++;
    }

    /** A flag of {@code severity} rests on flow {@code handle}. */
    void flaggedBy(int handle, Rule.Severity severity) {
        rank[handle] = (byte) Math.min(rank[handle], severity.ordinal());
    }

    int count() { return count; }

    private int compare(int a, int b) {
        int c = Integer.compare(backward[a], backward[b]);
        if (c == 0) c = Integer.compare(assets.rank(asset[a]), assets.rank(asset[b]));
        if (c == 0) c = Integer.compare(hops[a], hops[b]);
        if (c == 0) c = endpoints.compare(a, b);
        if (c == 0) c = Integer.compare(chains.rank(chain[a]), chains.rank(chain[b]));
        return c;
    }

    /** Writes flows.json (every flow, in order) and page-flows.json; the spool can be read only once. */
    void write(Path flowsJson, Path pageFlowsJson) throws IOException {
        spool.seal();
        int[] order = IndexSort.sorted(count, this::compare);
        List<Integer> listed = new ArrayList<>();
        List<List<Integer>> drawnByRank = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (OutputStream out = new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(flowsJson), 1 << 20)) {
            out.write('[');
            for (int k = 0; k < count; k++) {
                int i = order[k];
                if (k > 0) out.write(',');
                spool.copy(i, out);
                if (listed.size() < HtmlReportWriter.MAX_FLOW_PATHS_SHOWN) listed.add(i);
                List<Integer> drawn = drawnByRank.get(rank[i]);
                if (drawn.size() < HtmlReportWriter.MAX_DRAWN_FLOWS) drawn.add(i);
            }
            out.write(']');
        }
        List<Integer> drawn = new ArrayList<>();
        for (List<Integer> r : drawnByRank) {
            for (int i : r) if (drawn.size() < HtmlReportWriter.MAX_DRAWN_FLOWS) drawn.add(i);
        }
        try (OutputStream out = new BufferedOutputStream(OwnerOnlyFiles.newOutputStream(pageFlowsJson), 1 << 16)) {
            out.write("{\"listed\":".getBytes(StandardCharsets.US_ASCII));
            array(listed, out);
            out.write(",\"drawn\":".getBytes(StandardCharsets.US_ASCII));
            array(drawn, out);
            out.write((",\"count\":" + count + "}").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void array(List<Integer> records, OutputStream out) throws IOException {
        out.write('[');
        for (int k = 0; k < records.size(); k++) {
            if (k > 0) out.write(',');
            spool.copy(records.get(k), out);
        }
        out.write(']');
    }

    @Override
    public void close() {
        spool.close();
    }

    /** A flow's JSON object, compact, from one generator kept open across flows (one per flow cost more). */
    private static final class FlowJson {
        private final RecordBytes bytes = new RecordBytes();
        private final JsonGenerator g = JsonReportWriter.compactGenerator(new OutputStream() {
            @Override
            public void write(int b) {
                bytes.writeBytes(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.writeBytes(b, off, len);
            }
        });

        FlowJson() {
            g.writeStartArray(); // the generator separates the objects with commas, which add() leaves out
            g.flush();
        }

        /** Spools the flow's object (without the comma before it); returns its index. */
        int add(Flow f, RecordSpool spool) {
            bytes.reset();
            JsonReportWriter.writeFlow(g, FlowRows.of(f));
            g.flush();
            int from = bytes.size() > 0 && bytes.array()[0] == ',' ? 1 : 0;
            return spool.add(bytes.array(), from, bytes.size() - from);
        }
    }
}
