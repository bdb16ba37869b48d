package dev.fundtrace.report;

import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.rules.Durations;
import dev.fundtrace.report.RunReport.ChainCoverage;
import dev.fundtrace.report.RunReport.DesignationRow;
import dev.fundtrace.report.RunReport.ExposureRow;
import dev.fundtrace.report.RunReport.FlagRow;
import dev.fundtrace.report.RunReport.FlowRow;
import dev.fundtrace.report.RunReport.RejectionRow;
import dev.fundtrace.report.RunReport.StepRow;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.serializer.StandardJavaScriptSerializer;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import dev.fundtrace.chain.AddressCodecs;
import dev.fundtrace.files.WriteFailure;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes report.html: one self-contained page (inline CSS and SVG, nothing fetched at view time) for compliance
 * readers. The page is rendered by Thymeleaf from {@code templates/report.html}; every value that comes from input
 * files is written with {@code th:text} / attribute processors, so it is always escaped. The drawing of the flow
 * graph is laid out here in Java (coordinates, short labels) and emitted by the template as inline SVG elements,
 * so its labels are escaped the same way.
 */
public final class HtmlReportWriter {

    /** The drawing shows at most this many flows; beyond it the page says so (all paths are still listed). */
    public static final int MAX_DRAWN_FLOWS = 50;
    /** How many rejected input records the page lists (the full list is in rejected.csv). */
    public static final int MAX_REJECTED_SHOWN = 20;
    /**
     * A page a person can read: beyond these, the CSV and JSON carry the rest. (500 of each made a 1.9 MB page whose
     * rendering was most of an unchanged night's report.) Flags: the largest of each rule, most severe rule first.
     */
    public static final int MAX_FLAGS_SHOWN_PER_RULE = 200;
    public static final int MAX_FLOW_PATHS_SHOWN = 200;

    private static final List<String> SEVERITIES = List.of("HIGH", "MEDIUM", "LOW");
    private static final String DASH = "\u2014";

    // one engine for the process: the parsed template and its expressions are cached in it
    private static final TemplateEngine ENGINE = engine();

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReportWriter.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // the page inlines no script: Thymeleaf's own serializer, not the Jackson 2 one it would load for that
        StandardDialect dialect = new StandardDialect();
        dialect.setJavaScriptSerializer(new StandardJavaScriptSerializer(false));
        engine.setDialect(dialect);
        return engine;
    }

    private final ExplorerLinks links;

    /** A writer linking to the chains' public block explorers. */
    public HtmlReportWriter() {
        this(ExplorerLinks.PUBLIC);
    }

    /** @param links where transactions and addresses link to (nowhere with {@link ExplorerLinks#NONE}) */
    public HtmlReportWriter(ExplorerLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    /** Renders the page of {@code report} to {@code out}, linking to the public explorers. */
    static void render(RunReport report, Writer out) {
        render(report, out, ExplorerLinks.PUBLIC);
    }

    static void render(RunReport report, Writer out, ExplorerLinks links) {
        render(page(report, links), out);
    }

    /**
     * Renders the page of {@code report} without its flags to nowhere, on a thread of its own, while the caller
     * passes the flags: the template is parsed and cached, its classes loaded and its expressions compiled before
     * the page is rendered for real (on a night with little else to do, most of the page's time). Join the thread
     * before that rendering; a failure here is the real rendering's to report.
     */
    Thread warmUp(RunReport report) {
        Thread t = new Thread(() -> {
            try {
                render(report, Writer.nullWriter(), links);
            } catch (RuntimeException ignored) {
                // the page is rendered again with its flags, and fails there if it must
            }
        }, "fundtrace-page-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void render(Page page, Writer out) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("page", page);
        ENGINE.process("report", context, out);
    }

    /**
     * Renders {@code report} into {@code file} (UTF-8). The page is written to a temporary file beside it and moved
     * into place, so a reader never sees half a report.
     */
    public void write(RunReport report, Path file) {
        Objects.requireNonNull(report, "report");
        Path target = file.toAbsolutePath();
        try {
            OwnerOnlyFiles.createDirectories(target.getParent());
            // a sibling temporary file, owner-only like every report file; ReportFolderWriter clears leftovers
            Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                writeFile(report, tmp, target, links, StandardOpenOption.CREATE_NEW);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw WriteFailure.of(target, e);
        }
    }

    /**
     * Renders {@code report} straight into {@code file} (created or replaced), for a caller that writes under a
     * temporary name itself (ReportFolderWriter). A failed write names {@code file} and what the system said
     * (a full disk: "no space left on device"), not Thymeleaf's "An error happened during template rendering".
     */
    void writeFile(RunReport report, Path file) {
        Objects.requireNonNull(report, "report");
        try {
            writeFile(page(report, links), file, file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    /** The page of what was gathered while the report's flags passed ({@link PagePass}), ready to render. */
    Page page(ReportInput in, PagePass.Content content, IdList newIds) {
        return page(in.report(), content, newIds, in.labels(), links);
    }

    /** Renders a page made by {@link #page(ReportInput, PagePass.Content, IdList)} straight into {@code file}. */
    void writeFile(Page page, Path file, Path shownAs) {
        try {
            writeFile(page, file, shownAs, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw WriteFailure.of(shownAs, e);
        }
    }

    private static void writeFile(RunReport report, Path file, Path shownAs, ExplorerLinks links,
                                  StandardOpenOption... create) throws IOException {
        writeFile(page(report, links), file, shownAs, create);
    }

    /** Renders into {@code file}; a failure names {@code shownAs}. */
    private static void writeFile(Page page, Path file, Path shownAs, StandardOpenOption... create) throws IOException {
        java.util.Set<StandardOpenOption> options = new java.util.HashSet<>(List.of(create));
        options.add(StandardOpenOption.WRITE);
        // owner-only when created, like every report file
        try (Writer out = new java.io.BufferedWriter(java.nio.channels.Channels.newWriter(
                Files.newByteChannel(file, options, OwnerOnlyFiles.FILE), StandardCharsets.UTF_8), 1 << 16)) {
            render(page, out);
        } catch (RuntimeException e) {
            throw WriteFailure.of(shownAs, e); // Thymeleaf wraps the writer's IOException
        }
    }

    // ---------------------------------------------------------------- view model (what the template reads)

    public record Page(String title, String job, String runDate, String generatedAt, List<Stat> summary,
                       List<SeverityGroup> severityGroups, int flagCount, List<FlowView> flows, int flowCount, Graph graph,
                       ChangesView changes, List<ChainView> chains, List<AssetView> assets, List<String> sources,
                       List<DesignationView> designations, List<KeyValue> parameters, List<String> warnings,
                       int rejectedCount, List<RejectView> rejectedShown, int maxRejectedShown,
                       List<ClusterView> clusters, String coverageSentence, List<CaseSummary.Row> caseRows,
                       CaseSummary.Chart chart, int flagsShown, Methodology methodology, String explorerLinks,
                       AuditView audit) {}

    /** The methodology section's values: the horizon and the thresholds used, durations in words. */
    public record Methodology(String maxHops, String direction, List<KeyValue> thresholds) {}

    public record Stat(String label, String value, String css) {}

    /** A severity's flags on the page, rule by rule; {@code flags} all of them in that order. */
    public record SeverityGroup(String severity, String css, List<RuleGroup> rules, List<FlagView> flags, int notShown) {}

    /** A rule's flags on the page, the largest first; {@code cap} says how many there are when not all are shown. */
    public record RuleGroup(String rule, List<FlagView> flags, int count, String cap) {}

    public record FlagView(String id, String anchor, String rule, String severity, String css, String address, String addressLabel,
                           String chain, String assetSymbol, int hops, String explanation, boolean isNew,
                           String depositAddress, String seed, List<String> evidence, List<Link> flows,
                           String addressUrl, List<Link> evidenceLinks, String amount, String seedName,
                           int evidenceCount, ReviewView review) {}

    /**
     * A flag's review: {@code current} false when transactions joined the finding after it ({@code since}).
     *
     * @param badge "reviewed: cleared", or "review outdated"
     * @param text  "cleared by A. Analyst on 2026-11-28 (reviews.csv:3)"
     */
    public record ReviewView(String badge, boolean current, String text, String note, List<String> since) {}

    public record Link(String text, String href) {}

    public record FlowView(String id, String anchor, String direction, String chain, String asset, String seed,
                           String endpoint, String endpointLabel, int hops, String taintedAmount,
                           List<StepView> steps, List<Link> flags) {}

    /** @param spent UTXO chains: the coin the step spent ({@code txid:vout}), null otherwise; likewise {@code outpoint} */
    public record StepView(int step, String txHash, long block, String position, String from, String to,
                           String amount, String time, String txUrl, String fromUrl, String toUrl,
                           String spent, String outpoint) {}

    /** A seed's address cluster on a UTXO chain, each address and transaction linked to the chain's explorer. */
    public record ClusterView(String chain, List<Link> seeds, int size, List<Link> addresses, List<Link> evidence,
                              List<Link> excludedCoinJoins, String heuristic) {}

    public record Graph(int width, int height, List<ColumnView> columns, List<EdgeView> edges, List<NodeView> nodes,
                        String note) {}

    public record ColumnView(int x, String label) {}

    public record NodeView(int x, int y, int w, int h, String css, String line1, String line2, String title) {
        public int textX() { return x + 8; }
        public int line1Y() { return y + 16; }
        public int line2Y() { return y + 31; }
    }

    /** @param label the amount the arrow carried, printed at ({@code labelX}, {@code labelY}) */
    public record EdgeView(String d, String css, String title, String label, int labelX, int labelY) {}

    /** The new and resolved flags listed (at most {@link #MAX_FLAGS_SHOWN_PER_SEVERITY} each) and how many there are. */
    /** @param reviewedCount flags a current review keeps from counting as new */
    public record ChangesView(String previousRunDate, boolean firstRun, List<Link> newFlags, int newFlagCount,
                              List<FlagView> resolved, int resolvedCount, int reviewedCount) {}

    /** @param details UTXO chains: transactions, inputs, outputs and fees read; null otherwise */
    public record ChainView(String chain, long fromBlock, long toBlock, String fromTime, String toTime,
                            String transfers, String reverted, String details) {}

    public record AssetView(String chain, String asset, String symbol, int decimals, String transfers,
                            String taintLeftHorizon, String taintReturnedToSeeds) {}

    public record DesignationView(String subject, String uid, String programs, String currency, String chain,
                                  String address, String seed, String traced) {}

    public record KeyValue(String key, String value) {}

    public record RejectView(String source, String line, String reason, String record) {}

    /** The page of a report held in memory. */
    static Page page(RunReport r, ExplorerLinks links) {
        ReportInput in = ReportInput.of(r);
        PagePass pass = new PagePass(in.pageFlows());
        in.flags().forEach(pass::flag);
        in.resolvedFlags().forEach(pass::resolved);
        RunReport.Changes ch = r.changes();
        return page(r, pass.content(), IdList.of(ch == null ? List.of() : nz(ch.newFlagIds())), List.of(), links);
    }

    /**
     * The page of {@code r}, whose flags came past {@link PagePass} (gathered into {@code c}) rather than in
     * {@code r}; {@code newIds} are changes.newFlagIds, {@code serviceLabels} name addresses beside the flows' endpoints.
     */
    static Page page(RunReport r, PagePass.Content shown, IdList newIds, List<ServiceLabel> serviceLabels,
                     ExplorerLinks links) {
        PageFlows pageFlows = shown.flows();
        List<FlowRow> shownFlows = new ArrayList<>(pageFlows.listed());
        Set<String> listedIds = new java.util.HashSet<>();
        pageFlows.listed().forEach(f -> listedIds.add(f.id()));
        pageFlows.drawn().stream().filter(f -> !listedIds.contains(f.id())).forEach(shownFlows::add);
        Labels labels = new Labels(shownFlows, nz(r.exposures()), serviceLabels);

        Map<String, String> subjects = designationSubjects(nz(r.designations()));
        List<SeverityGroup> groups = new ArrayList<>();
        for (var severity : shown.bySeverity().entrySet()) {
            String sev = severity.getKey();
            List<RuleGroup> rules = new ArrayList<>();
            List<FlagView> inGroup = new ArrayList<>();
            int count = 0;
            for (PagePass.RuleFlags rule : severity.getValue()) {
                List<FlagView> views = rule.shown().stream().map(g -> flagView(g, labels, subjects, links)).toList();
                String cap = views.size() < rule.count() ? String.format(Locale.ROOT,
                        "%s: showing %,d of %,d, the largest first; the full list is in flagged-flows.csv",
                        rule.rule(), views.size(), rule.count()) : null;
                rules.add(new RuleGroup(rule.rule(), views, rule.count(), cap));
                inGroup.addAll(views);
                count += rule.count();
            }
            if (!inGroup.isEmpty() || SEVERITIES.contains(sev)) {
                groups.add(new SeverityGroup(sev, severityCss(sev), rules, inGroup, count - inGroup.size()));
            }
        }

        List<FlowView> flowViews = pageFlows.listed().stream()
                .map(f -> flowView(f, nz(shown.flagsOfListedFlows().get(f.id())), links)).toList();

        RunReport.Changes ch = r.changes();
        boolean firstRun = ch == null || blank(ch.previousRunDate());
        // on a first run every flag is new, which the page says instead of linking thousands of ids
        ChangesView changes = new ChangesView(firstRun ? null : ch.previousRunDate(), firstRun,
                firstRun ? List.of() : newIds.first(MAX_FLAGS_SHOWN_PER_RULE).stream().map(id -> new Link(id, "#" + flagAnchor(id))).toList(),
                newIds.size(),
                shown.resolvedFirst().stream().map(g -> flagView(g, labels, links)).toList(), shown.resolvedCount(),
                shown.reviewedCount());

        List<ChainView> chains = new ArrayList<>();
        List<AssetView> assets = new ArrayList<>();
        List<String> sources = List.of();
        if (r.coverage() != null) {
            for (ChainCoverage c : nz(r.coverage().chains())) {
                chains.add(new ChainView(text(c.chain()), c.fromBlock(), c.toBlock(), text(c.fromTime()),
                        text(c.toTime()), count(c.transfers()), count(c.reverted()), coinDetails(c)));
                for (RunReport.AssetCoverage a : nz(c.assets())) {
                    assets.add(new AssetView(text(c.chain()),
                            blank(a.asset()) || a.asset().equalsIgnoreCase(a.symbol()) ? null : displayAddress(a.asset()),
                            blank(a.symbol()) ? text(a.asset()) : a.symbol(), a.decimals(),
                            count(a.transfers()), amount(a.taintLeftHorizonRaw(), a.decimals()),
                            amount(a.taintReturnedToSeedsRaw(), a.decimals())));
                }
            }
            sources = nz(r.coverage().sources());
        }

        List<DesignationView> designations = nz(r.designations()).stream().map(d -> new DesignationView(
                text(d.subject()), text(d.sdnUid()), String.join(", ", nz(d.programs())), text(d.currency()),
                text(d.chain()), displayAddress(d.address()), d.seed() ? "yes" : "no",
                d.traced() ? "yes" : blank(d.notTracedReason()) ? "no" : "no: " + d.notTracedReason()))
                .toList();

        List<KeyValue> parameters = new ArrayList<>();
        if (r.parameters() != null) {
            new TreeMap<>(r.parameters()).forEach((k, v) -> parameters.add(new KeyValue(k, Durations.inWordsIfDuration(String.valueOf(v)))));
        }

        List<RejectionRow> rejected = nz(r.rejected());
        List<RejectView> rejectedShown = rejected.stream().limit(MAX_REJECTED_SHOWN)
                .map(x -> new RejectView(text(x.source()), x.line() > 0 ? Long.toString(x.line()) : DASH,
                        text(x.reason()), text(x.record())))
                .toList();

        return new Page("fundtrace report \u2014 " + text(r.job()) + " \u2014 " + text(r.runDate()),
                text(r.job()), text(r.runDate()), text(r.generatedAt()), summary(r, shown), groups, shown.flagCount(),
                flowViews, pageFlows.count(), GraphLayout.layout(pageFlows.drawn(), pageFlows.count(),
                        shown.bestRankByAddress(), labels, subjects),
                changes, chains, assets, sources, designations, parameters, nz(r.warnings()), rejected.size(),
                rejectedShown, MAX_REJECTED_SHOWN, clusters(nz(r.clusters()), links), CaseSummary.coverage(r),
                CaseSummary.rows(r, links), CaseSummary.chart(r), shown.flagsShown(), methodology(r.parameters()),
                links.describe(), AuditView.of(r.audit()));
    }

    private static final List<String> THRESHOLDS = List.of("dust", "indirectExposureMin", "rapidPassThroughWindow",
            "structuringThreshold", "structuringWindow", "structuringMinTransfers");

    private static Methodology methodology(Map<String, Object> parameters) {
        Map<String, Object> p = parameters == null ? Map.of() : parameters;
        List<KeyValue> thresholds = new ArrayList<>();
        for (String k : THRESHOLDS) {
            if (p.containsKey(k)) thresholds.add(new KeyValue(k, Durations.inWordsIfDuration(String.valueOf(p.get(k)))));
        }
        return new Methodology(String.valueOf(p.getOrDefault("maxHops", DASH)), String.valueOf(p.getOrDefault("direction", DASH)),
                thresholds);
    }

    private static List<Stat> summary(RunReport r, PagePass.Content c) {
        List<Stat> stats = new ArrayList<>();
        RunReport.Summary s = r.summary();
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        if (s != null && s.flags() != null) {
            bySeverity.putAll(s.flags());
        } else {
            c.bySeverity().forEach((sev, rules) -> rules.forEach(rule -> bySeverity.merge(sev, rule.count(), Integer::sum)));
        }
        stats.add(new Stat("Designated addresses", s == null ? DASH : count(s.designatedAddresses()), ""));
        stats.add(new Stat("Seeds selected (all currencies)", s == null ? DASH : count(s.seeds()), ""));
        stats.add(new Stat("Addresses reached", s == null ? DASH : count(s.reachedAddresses()), ""));
        for (String sev : SEVERITIES) {
            stats.add(new Stat(sev + " flags", count(bySeverity.getOrDefault(sev, 0)), severityCss(sev)));
        }
        bySeverity.forEach((sev, n) -> {
            if (!SEVERITIES.contains(sev)) stats.add(new Stat(sev + " flags", count(n), severityCss(sev)));
        });
        int reviewed = c.reviewedCount();
        if (reviewed > 0) stats.add(new Stat("Reviewed flags (reviews.csv)", count(reviewed), ""));
        stats.add(new Stat("Transfers read", s == null ? DASH : count(s.transfers()), ""));
        return stats;
    }

    private static FlagView flagView(FlagRow g, Labels labels, ExplorerLinks links) {
        return flagView(new ReportedFlag(g, FlagAmount.raw(g, null), null), labels, Map.of(), links);
    }

    /** The flag's amount in display units with its unit ("29100 USDT"), from FlagAmount as in the CSV. */
    private static String flagAmount(ReportedFlag f) {
        FlagRow g = f.row();
        if (f.amountRaw() == null) return DASH;
        int decimals = f.decimals() == null ? 0 : f.decimals();
        return amount(f.amountRaw(), decimals) + " " + (blank(g.assetSymbol()) ? text(g.asset()) : g.assetSymbol());
    }

    private static FlagView flagView(ReportedFlag f, Labels labels, Map<String, String> subjects, ExplorerLinks links) {
        FlagRow g = f.row();
        String sev = severityOf(g);
        String label = labels.describe(g.chain(), g.address());
        return new FlagView(text(g.id()), flagAnchor(g.id()), text(g.rule()), sev, severityCss(sev), displayAddress(g.address()),
                label, text(g.chain()), blank(g.assetSymbol()) ? text(g.asset()) : g.assetSymbol(), g.hops(),
                text(g.explanation()), g.newSinceLastRun(),
                blank(g.depositAddress()) ? null : displayAddress(g.depositAddress()),
                blank(g.seed()) ? null : displayAddress(g.seed()),
                nz(g.evidence()),
                nz(g.flowIds()).stream().map(id -> new Link(id, "#" + flowAnchor(id))).toList(),
                links.address(g.chain(), g.address()),
                nz(g.evidence()).stream().map(h -> new Link(h, links.tx(g.chain(), h))).toList(),
                flagAmount(f), blank(g.seed()) ? null : subjects.get(key(g.chain(), g.seed())),
                nz(g.evidence()).size(), reviewView(g.review()));
    }

    private static ReviewView reviewView(RunReport.Review r) {
        if (r == null) return null;
        List<String> since = nz(r.evidenceSinceReview());
        return new ReviewView(r.current() ? "reviewed: " + text(r.decision()) : "review outdated", r.current(),
                text(r.decision()) + " by " + text(r.reviewer()) + " on " + text(r.date()) + " (" + text(r.source()) + ")"
                        + (r.current() ? "" : "; " + since.size() + (since.size() == 1 ? " transaction" : " transactions")
                        + " joined the finding since the run of " + text(r.comparedWithRun()) + ", so it counts as unreviewed"),
                blank(r.note()) ? null : r.note(), since);
    }

    private static FlowView flowView(FlowRow f, List<FlagRow> flags, ExplorerLinks links) {
        List<StepView> steps = new ArrayList<>();
        List<StepRow> path = nz(f.path());
        for (int i = 0; i < path.size(); i++) {
            StepRow s = path.get(i);
            String pos = s.subPosition() > 0 ? s.position() + "." + s.subPosition() : Integer.toString(s.position());
            steps.add(new StepView(i + 1, text(s.txHash()), s.blockNumber(), pos, displayAddress(s.from()),
                    displayAddress(s.to()), amount(s.amountRaw(), f.decimals()), text(s.time()),
                    links.tx(f.chain(), s.txHash()), links.address(f.chain(), s.from()),
                    links.address(f.chain(), s.to()), s.spent(), s.outpoint()));
        }
        String label = joinLabel(f.endpointLabel(), f.endpointCategory());
        String tainted = !blank(f.taintedAmount()) ? f.taintedAmount() : amount(f.taintedAmountRaw(), f.decimals());
        return new FlowView(text(f.id()), flowAnchor(f.id()), text(f.direction()), text(f.chain()),
                assetName(f.assetSymbol(), f.asset()), displayAddress(f.seed()), displayAddress(f.endpoint()), label,
                f.hops(), tainted, steps,
                flags.stream().map(g -> new Link(g.id() + " (" + severityOf(g) + ")", "#" + flagAnchor(g.id()))).toList());
    }

    private static List<ClusterView> clusters(List<RunReport.ClusterRow> clusters, ExplorerLinks links) {
        List<ClusterView> out = new ArrayList<>();
        for (RunReport.ClusterRow c : clusters) {
            out.add(new ClusterView(text(c.chain()), addressLinks(c.chain(), nz(c.seeds()), links), c.size(),
                    addressLinks(c.chain(), nz(c.addresses()), links),
                    nz(c.evidence()).stream().map(t -> new Link(t, links.tx(c.chain(), t))).toList(),
                    nz(c.excludedCoinJoins()).stream().map(t -> new Link(t, links.tx(c.chain(), t))).toList(),
                    text(c.heuristic())));
        }
        return out;
    }

    private static List<Link> addressLinks(String chain, List<String> addresses, ExplorerLinks links) {
        return addresses.stream().map(a -> new Link(displayAddress(a), links.address(chain, a))).toList();
    }

    /** A UTXO chain's counts, in one line (null for an account chain, whose coverage has none). */
    private static String coinDetails(ChainCoverage c) {
        if (c.outputs() == null) return null;
        String symbol = nz(c.assets()).isEmpty() ? "" : " " + c.assets().getFirst().symbol();
        return count(c.transactions()) + " transactions (" + count(c.coinbaseTransactions()) + " coinbase), "
                + count(c.inputs()) + " inputs (" + count(c.unresolvedInputs()) + " unresolved), "
                + count(c.outputs()) + " outputs; fees " + amount(c.feesRaw(), 8) + symbol;
    }

    private static Map<String, String> designationSubjects(List<DesignationRow> designations) {
        Map<String, String> out = new HashMap<>();
        for (DesignationRow d : designations) {
            if (d.address() != null && d.subject() != null) out.putIfAbsent(key(d.chain(), d.address()), d.subject());
        }
        return out;
    }

    // ---------------------------------------------------------------- formatting helpers

    /** EIP-55 checksummed form for 0x addresses; other address forms (base58, bech32) are shown as given. */
    static String displayAddress(String address) {
        if (blank(address)) return DASH;
        String a = address.strip();
        if (isHexAddress(a)) return AddressCodecs.display(a.toLowerCase(Locale.ROOT));
        return a;
    }

    /** Shortened label such as 0x901b…870e (lower-case; the full checksummed form is in the tooltip and tables). */
    static String shortAddress(String address) {
        if (blank(address)) return DASH;
        String a = address.strip();
        if (isHexAddress(a)) a = a.toLowerCase(Locale.ROOT);
        return a.length() <= 13 ? a : a.substring(0, 6) + "\u2026" + a.substring(a.length() - 4);
    }

    /** A raw amount (decimal string) in display units: exact, scaled by decimals, trailing zeros stripped. */
    static String amount(String raw, int decimals) {
        if (blank(raw)) return DASH;
        try {
            BigDecimal v = new BigDecimal(raw.strip()).movePointLeft(decimals);
            return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    static String flowAnchor(String id) { return "flow-" + anchorSafe(id); }

    static String flagAnchor(String id) { return "flag-" + anchorSafe(id); }

    private static String anchorSafe(String id) { return text(id).replaceAll("[^A-Za-z0-9_.-]", "_"); }

    private static String assetName(String symbol, String asset) {
        if (blank(symbol)) return text(asset);
        if (blank(asset) || asset.equalsIgnoreCase(symbol)) return symbol;
        return symbol + " (" + displayAddress(asset) + ")";
    }

    static String joinLabel(String label, String category) {
        if (blank(label) && blank(category)) return null;
        if (blank(category)) return label;
        if (blank(label)) return category;
        return label + " \u00b7 " + category;
    }

    private static List<String> severityOrder(List<FlagRow> flags) {
        Set<String> order = new LinkedHashSet<>(SEVERITIES);
        flags.forEach(g -> order.add(severityOf(g)));
        return List.copyOf(order);
    }

    static int severityRank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }

    static String severityOf(FlagRow g) {
        return blank(g.severity()) ? "UNKNOWN" : g.severity().strip().toUpperCase(Locale.ROOT);
    }

    static String severityCss(String severity) {
        return switch (severity) {
            case "HIGH" -> "sev-high";
            case "MEDIUM" -> "sev-medium";
            case "LOW" -> "sev-low";
            default -> "sev-other";
        };
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    /**
     * {@code a} is {@code 0x} and 40 hex digits, either case: told by its characters, not by a regular expression,
     * as the page keys every flag's address (hundreds of thousands on a large night).
     */
    static boolean isHexAddress(String a) {
        if (a.length() != 42 || a.charAt(0) != '0' || a.charAt(1) != 'x') return false;
        for (int i = 2; i < 42; i++) {
            char c = a.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        return true;
    }

    static String text(String s) { return s == null ? DASH : s; }

    static boolean blank(String s) { return s == null || s.isBlank(); }

    static <T> List<T> nz(List<T> list) { return list == null ? List.of() : list; }

    static String key(String chain, String address) {
        String a = address == null ? "" : address.strip();
        if (isHexAddress(a)) a = a.toLowerCase(Locale.ROOT);
        return (chain == null ? "" : chain) + "|" + a;
    }

    /** Service labels known for an address: from flow endpoints first, then from exposures. */
    static final class Labels {
        private final Map<String, String> byKey = new HashMap<>();
        private final Map<String, String> categoryByKey = new HashMap<>();

        Labels(Collection<FlowRow> flows, Collection<ExposureRow> exposures) {
            this(flows, exposures, List.of());
        }

        /** @param services labelled addresses, after the flows' endpoints and the exposures */
        Labels(Collection<FlowRow> flows, Collection<ExposureRow> exposures, Collection<ServiceLabel> services) {
            for (FlowRow f : flows) {
                String l = joinLabel(f.endpointLabel(), f.endpointCategory());
                if (l != null) byKey.putIfAbsent(key(f.chain(), f.endpoint()), l);
                if (!blank(f.endpointCategory())) categoryByKey.putIfAbsent(key(f.chain(), f.endpoint()), f.endpointCategory());
            }
            for (ExposureRow e : exposures) {
                String l = joinLabel(e.label(), e.category());
                if (l != null) byKey.putIfAbsent(key(e.chain(), e.address()), l);
                if (!blank(e.category())) categoryByKey.putIfAbsent(key(e.chain(), e.address()), e.category());
            }
            for (ServiceLabel s : services) {
                String l = joinLabel(s.label(), s.category());
                if (l != null) byKey.putIfAbsent(key(s.chain(), s.address()), l);
                if (!blank(s.category())) categoryByKey.putIfAbsent(key(s.chain(), s.address()), s.category());
            }
        }

        String describe(String chain, String address) { return byKey.get(key(chain, address)); }

        String category(String chain, String address) { return categoryByKey.get(key(chain, address)); }
    }
}
