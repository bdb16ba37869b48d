package dev.fundtrace.report;

import dev.fundtrace.report.HtmlReportWriter.ColumnView;
import dev.fundtrace.report.HtmlReportWriter.EdgeView;
import dev.fundtrace.report.HtmlReportWriter.Graph;
import dev.fundtrace.report.HtmlReportWriter.Labels;
import dev.fundtrace.report.HtmlReportWriter.NodeView;
import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.StepRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.fundtrace.report.HtmlReportWriter.blank;
import static dev.fundtrace.report.HtmlReportWriter.displayAddress;
import static dev.fundtrace.report.HtmlReportWriter.key;
import static dev.fundtrace.report.HtmlReportWriter.nz;
import static dev.fundtrace.report.HtmlReportWriter.severityOf;
import static dev.fundtrace.report.HtmlReportWriter.severityRank;
import static dev.fundtrace.report.HtmlReportWriter.shortAddress;

/**
 * Lays out the drawing of the flow graph: nodes are the addresses on the drawn flows' paths, seeds in the left
 * column and every other address in the column of its (smallest) hop distance from a seed, so endpoints end up on
 * the right; edges are the flow steps, pointing the way the money moved (so backward flows point leftwards).
 * Rows inside a column follow the mean height of their neighbours further left, which keeps crossings down.
 */
final class GraphLayout {

    static final int COL_W = 220;
    static final int NODE_W = 168;
    static final int NODE_H = 38;
    static final int ROW_H = 50;
    static final int MARGIN = 12;
    static final int TOP = 30;
    private static final int MAX_LINE2 = 26;

    private GraphLayout() {}

    private static final class Node {
        final String key;
        final String chain;
        final String address;
        final int order;
        int col = Integer.MAX_VALUE;
        boolean seed;
        boolean endpoint;
        int y;
        double weight;

        Node(String key, String chain, String address, int order) {
            this.key = key;
            this.chain = chain;
            this.address = address;
            this.order = order;
        }
    }

    private record Edge(Node from, Node to, String txHash, long block, String amount, String symbol) {}

    /** The flows the drawing shows: those of the most severe flags first, at most {@link HtmlReportWriter#MAX_DRAWN_FLOWS}. */
    static List<FlowRow> drawn(List<FlowRow> flows, List<FlagRow> flags) {
        Map<String, Integer> bestRankByFlow = new HashMap<>();
        for (FlagRow g : flags) {
            int rank = severityRank(severityOf(g));
            for (String fid : nz(g.flowIds())) bestRankByFlow.merge(fid, rank, Math::min);
        }
        return flows.stream()
                .sorted(Comparator.comparingInt(f -> bestRankByFlow.getOrDefault(f.id(), Integer.MAX_VALUE)))
                .limit(HtmlReportWriter.MAX_DRAWN_FLOWS)
                .toList();
    }

    static Graph layout(List<FlowRow> flows, List<FlagRow> flags, Labels labels, Map<String, String> subjects) {
        Map<String, Integer> bestRankByAddress = new HashMap<>();
        for (FlagRow g : flags) {
            if (!blank(g.address())) bestRankByAddress.merge(key(g.chain(), g.address()), severityRank(severityOf(g)), Math::min);
        }
        return layout(drawn(flows, flags), flows.size(), bestRankByAddress, labels, subjects);
    }

    /**
     * The drawing of {@code drawn}, chosen among {@code flowCount} flows ({@link #drawn}).
     *
     * @param bestRankByAddress the most severe flag at each address drawn (chain|address), by severity rank
     */
    static Graph layout(List<FlowRow> drawn, int flowCount, Map<String, Integer> bestRankByAddress, Labels labels,
                        Map<String, String> subjects) {
        if (drawn.isEmpty()) {
            return new Graph(0, 0, List.of(), List.of(), List.of(), "No flows were traced, so there is nothing to draw.");
        }

        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (FlowRow f : drawn) {
            Node seed = node(nodes, f.chain(), f.seed());
            seed.seed = true;
            seed.col = 0;
            List<StepRow> path = nz(f.path());
            boolean backward = "backward".equalsIgnoreCase(f.direction());
            int n = path.size();
            for (int i = 0; i < n; i++) {
                StepRow s = path.get(i);
                Node from = node(nodes, f.chain(), s.from());
                Node to = node(nodes, f.chain(), s.to());
                from.col = Math.min(from.col, backward ? n - i : i);
                to.col = Math.min(to.col, backward ? n - 1 - i : i + 1);
                edges.putIfAbsent(from.key + ">" + to.key + ">" + s.txHash(), new Edge(from, to, s.txHash(),
                        s.blockNumber(), HtmlReportWriter.amount(s.amountRaw(), f.decimals()),
                        blank(f.assetSymbol()) ? "" : f.assetSymbol()));
            }
            if (!blank(f.endpoint())) {
                Node end = node(nodes, f.chain(), f.endpoint());
                end.endpoint = true;
                end.col = Math.min(end.col, Math.max(f.hops(), n));
            }
        }
        for (Node node : nodes.values()) {
            if (node.seed) node.col = 0;
            if (node.col == Integer.MAX_VALUE) node.col = 0;
        }

        // rows: column by column, ordered by the mean height of neighbours in columns further left; each column is
        // centred vertically so that a few seeds sit level with the addresses they reach
        TreeMap<Integer, List<Node>> columns = new TreeMap<>();
        nodes.values().forEach(node -> columns.computeIfAbsent(node.col, c -> new ArrayList<>()).add(node));
        Map<Node, List<Node>> neighbours = new HashMap<>();
        for (Edge e : edges.values()) {
            neighbours.computeIfAbsent(e.from, k -> new ArrayList<>()).add(e.to);
            neighbours.computeIfAbsent(e.to, k -> new ArrayList<>()).add(e.from);
        }
        int maxCol = columns.lastKey();
        int maxRows = columns.values().stream().mapToInt(List::size).max().orElse(1);
        for (List<Node> column : columns.values()) {
            for (Node node : column) {
                double sum = 0;
                int count = 0;
                for (Node other : neighbours.getOrDefault(node, List.of())) {
                    if (other.col < node.col) {
                        sum += other.y;
                        count++;
                    }
                }
                node.weight = count == 0 ? Double.MAX_VALUE : sum / count;
            }
            column.sort(Comparator.<Node>comparingDouble(x -> x.weight).thenComparingInt(x -> x.order));
            int offset = (maxRows - column.size()) * ROW_H / 2;
            for (int r = 0; r < column.size(); r++) column.get(r).y = TOP + offset + r * ROW_H;
        }
        int width = MARGIN * 2 + maxCol * COL_W + NODE_W;
        int height = TOP + maxRows * ROW_H + MARGIN;

        List<ColumnView> columnViews = new ArrayList<>();
        for (int c : columns.keySet()) columnViews.add(new ColumnView(x(c), c == 0 ? "Seeds" : "Hop " + c));

        List<EdgeView> edgeViews = new ArrayList<>();
        for (Edge e : edges.values()) {
            String title = "tx " + e.txHash + " \u00b7 block " + e.block + " \u00b7 " + e.amount
                    + (e.symbol.isEmpty() ? "" : " " + e.symbol) + "\n" + displayAddress(e.from.address) + " \u2192 "
                    + displayAddress(e.to.address);
            boolean back = e.to.col < e.from.col;
            // the amount is printed on the arrow: a PDF loses the hover title
            int[] mid = middle(e.from, e.to);
            edgeViews.add(new EdgeView(path(e.from, e.to), back ? "edge back" : "edge", title,
                    e.amount + (e.symbol.isEmpty() ? "" : " " + e.symbol), mid[0], mid[1]));
        }

        List<NodeView> nodeViews = new ArrayList<>();
        for (Node node : nodes.values()) {
            String label = labels.describe(node.chain, node.address);
            String category = labels.category(node.chain, node.address);
            String line2;
            if (label != null) {
                line2 = label;
            } else if (node.seed) {
                String subject = subjects.get(node.key);
                line2 = subject == null ? "seed" : "seed \u00b7 " + subject;
            } else if (node.endpoint) {
                line2 = "endpoint";
            } else {
                line2 = null;
            }
            StringBuilder css = new StringBuilder("node");
            if (node.seed) css.append(" n-seed");
            else if (category != null) css.append(" n-service");
            else if (node.endpoint) css.append(" n-endpoint");
            Integer rank = bestRankByAddress.get(node.key);
            if (rank != null) css.append(" flag-").append(rank == 0 ? "high" : rank == 1 ? "medium" : rank == 2 ? "low" : "other");
            String title = displayAddress(node.address) + (node.chain == null ? "" : " (" + node.chain + ")")
                    + (label == null ? "" : "\n" + label)
                    + (node.seed && subjects.containsKey(node.key) ? "\n" + subjects.get(node.key) : "");
            nodeViews.add(new NodeView(x(node.col), node.y, NODE_W, NODE_H, css.toString(),
                    shortAddress(node.address), truncate(line2), title));
        }

        String note = flowCount > drawn.size()
                ? "The drawing shows " + drawn.size() + " of " + flowCount + " flows (those behind the most severe"
                  + " flags first); every flow's path is listed in full below."
                : null;
        return new Graph(width, height, columnViews, edgeViews, nodeViews, note);
    }

    private static Node node(Map<String, Node> nodes, String chain, String address) {
        String k = key(chain, address);
        return nodes.computeIfAbsent(k, x -> new Node(k, chain, address, nodes.size()));
    }

    private static int x(int col) { return MARGIN + col * COL_W; }

    private static String path(Node a, Node b) {
        int ay = a.y + NODE_H / 2;
        int by = b.y + NODE_H / 2;
        if (b.col > a.col) {
            int sx = x(a.col) + NODE_W, tx = x(b.col) - 2;
            int dx = (tx - sx) / 2;
            return "M" + sx + "," + ay + " C" + (sx + dx) + "," + ay + " " + (tx - dx) + "," + by + " " + tx + "," + by;
        }
        if (b.col < a.col) {
            int sx = x(a.col), tx = x(b.col) + NODE_W + 2;
            int dx = (sx - tx) / 2;
            return "M" + sx + "," + ay + " C" + (sx - dx) + "," + ay + " " + (tx + dx) + "," + by + " " + tx + "," + by;
        }
        // same column: loop out to the right
        int sx = x(a.col) + NODE_W, tx = x(b.col) + NODE_W + 2;
        int bulge = 30 + Math.min(40, Math.abs(b.y - a.y) / 8);
        return "M" + sx + "," + ay + " C" + (sx + bulge) + "," + ay + " " + (tx + bulge) + "," + by + " " + tx + "," + by;
    }

    /**
     * Where an arrow's label goes: three quarters along its curve, toward the receiver (arrows fan out from a seed,
     * and labels at their middles would pile up), just above the line; a loop's label at its outermost point.
     */
    private static int[] middle(Node a, Node b) {
        int ay = a.y + NODE_H / 2, by = b.y + NODE_H / 2;
        // the cubic of path() at t = 3/4: x at 45/64 of the way, y at 54/64 of the way (exact in integers)
        int y = ay + (by - ay) * 54 / 64 - 3;
        if (b.col > a.col) {
            int sx = x(a.col) + NODE_W, tx = x(b.col) - 2;
            return new int[]{sx + (tx - sx) * 45 / 64, y};
        }
        if (b.col < a.col) {
            int sx = x(a.col), tx = x(b.col) + NODE_W + 2;
            return new int[]{sx - (sx - tx) * 45 / 64, y};
        }
        y = (ay + by) / 2 - 3;
        int bulge = 30 + Math.min(40, Math.abs(b.y - a.y) / 8);
        return new int[]{x(a.col) + NODE_W + bulge * 3 / 4, y};
    }

    private static String truncate(String s) {
        if (s == null || s.length() <= MAX_LINE2) return s;
        return s.substring(0, MAX_LINE2 - 1) + "\u2026";
    }
}
