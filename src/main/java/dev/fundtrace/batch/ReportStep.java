package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.ledger.store.SegmentInfo;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.report.ExplorerLinks;
import dev.fundtrace.report.HtmlReportWriter;
import dev.fundtrace.report.JsonFragments;
import dev.fundtrace.report.JsonReportWriter;
import dev.fundtrace.report.ReportFolderWriter;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.ExposureDao;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.FlagDao;
import dev.fundtrace.store.FlowDao;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.store.RejectionDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Step 6: assemble the run's result from the database and write the report folder. */
@Component
class ReportStep implements Tasklet {

    private final RunDao runDao;
    private final TraceDao traceDao;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final RejectionDao rejectionDao;
    private final FactDao factDao;
    private final ExposureDao exposureDao;
    private final FlowDao flowDao;
    private final FlagDao flagDao;
    private final TraceRunner runner;
    private final LedgerStore store;
    private final RunFiles files;
    private final ExposureWriter writer;
    private final ReportPrefetch prefetch;
    private final AuditTrail audit;
    private final FlagReviews flagReviews;

    ReportStep(RunDao runDao, TraceDao traceDao, DesignationDao designationDao, LabelDao labelDao,
               RejectionDao rejectionDao, FactDao factDao, ExposureDao exposureDao, FlowDao flowDao, FlagDao flagDao,
               TraceRunner runner, LedgerStore store, RunFiles files, ExposureWriter writer, ReportPrefetch prefetch,
               AuditTrail audit, FlagReviews flagReviews) {
        this.audit = audit;
        this.flagReviews = flagReviews;
        this.writer = writer;
        this.prefetch = prefetch;
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.rejectionDao = rejectionDao;
        this.factDao = factDao;
        this.exposureDao = exposureDao;
        this.flowDao = flowDao;
        this.flagDao = flagDao;
        this.runner = runner;
        this.store = store;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        // While the exposure rows are still going into the database (a large first night), the report is written
        // meanwhile from the exposures' JSON file, and its files are renamed into place only once the rows are in:
        // a report appears only for a run whose exposures are stored. Otherwise they are made sure of first
        // (a resumed run whose rows are incomplete stores them again).
        boolean storing = writer.isPending(run.runId());
        long t0, t1;
        RunReport report;
        Path folder;
        try {
            if (storing) writer.awaitJson(run.runId());
            else ensureExposuresStored(run, job);
            long source = traceDao.sourceOf(run.runId());
            Set<ReportFolderWriter.Format> formats = formats(job);
            // the first report of a trace writes its flows.json, from flows read with every path
            boolean writeFlowsJson = formats.contains(ReportFolderWriter.Format.JSON) && !Files.isRegularFile(files.flowsJson(source));
            t0 = System.nanoTime();
            report = assemble(run, job, formats, writeFlowsJson, jobFileText(chunk, run));
            t1 = System.nanoTime();
            folder = new ReportFolderWriter(explorerLinks(job.report().explorer())).write(report, run.reportRoot(job), formats,
                    formats.contains(ReportFolderWriter.Format.JSON) ? fragments(source, report, writeFlowsJson) : JsonFragments.NONE, () -> {
                        if (storing) ensureExposuresStored(run, job);
                    });
        } catch (RuntimeException e) {
            if (storing) writer.awaitQuietly(run.runId()); // the step fails only once the writer's threads are done
            throw e;
        }
        Console.progress("report", String.format("assembled from the database in %.2f s, written in %.2f s",
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
        runDao.summary(run.runId(), folder.toString(), report.designations().size(), report.summary().seeds(),
                report.summary().transfers(), report.summary().reachedAddresses(), report.summary().flags());
        Summary.keep(chunk.getStepContext().getStepExecution().getJobExecution(), report, folder);
        return RepeatStatus.FINISHED;
    }

    /** The job file's text the run goes by: the one it started with, kept with the run (see RunDefinition). */
    private static String jobFileText(ChunkContext chunk, RunParameters run) {
        String kept = RunDefinition.keptText(chunk.getStepContext().getStepExecution().getJobExecution());
        return kept != null ? kept : dev.fundtrace.jobfile.JobFileLoader.read(run.jobFile());
    }

    /**
     * The arrays of the trace's report.json kept in files: the exposures, written by the trace step, and the flows,
     * written by the first report of the trace (later nights splice them in rather than serialize them again).
     */
    private JsonFragments fragments(long source, RunReport report, boolean writeFlowsJson) {
        Path exposures = files.exposuresJson(source), flows = files.flowsJson(source);
        if (writeFlowsJson) JsonReportWriter.writeFlows(report.flows(), flows);
        return new JsonFragments(Files.isRegularFile(exposures) ? exposures : null, flows);
    }

    /**
     * Which flows the report needs with their paths: all when the trace's flows.json is to be written from them,
     * otherwise only those the page shows (null stands for all).
     */
    private static Set<String> pathsNeeded(Set<ReportFolderWriter.Format> formats, boolean writeFlowsJson,
                                           List<RunReport.FlowRow> flows, List<RunReport.FlagRow> flags) {
        if (writeFlowsJson) return null;
        return formats.contains(ReportFolderWriter.Format.HTML) ? HtmlReportWriter.flowsWithPathsShown(flows, flags) : Set.of();
    }

    /** report.explorer as the page's links. */
    static ExplorerLinks explorerLinks(JobDefinition.Explorer explorer) {
        return switch (explorer.mode()) {
            case PUBLIC -> ExplorerLinks.PUBLIC;
            case OFF -> ExplorerLinks.NONE;
            case SELF_HOSTED -> {
                Map<String, ExplorerLinks.Templates> byChain = new LinkedHashMap<>();
                explorer.chains().forEach((chain, l) -> byChain.put(chain, new ExplorerLinks.Templates(l.tx(), l.address())));
                yield ExplorerLinks.of(byChain);
            }
        };
    }

    /** report.explorer as report.json's parameters state it. */
    private static Object explorerParameter(JobDefinition.Explorer explorer) {
        return switch (explorer.mode()) {
            case PUBLIC -> "public";
            case OFF -> "off";
            case SELF_HOSTED -> {
                Map<String, Object> byChain = new LinkedHashMap<>();
                explorer.chains().forEach((chain, l) -> byChain.put(chain, ordered("tx", l.tx(), "address", l.address())));
                yield byChain;
            }
        };
    }

    private static Set<ReportFolderWriter.Format> formats(JobDefinition job) {
        Set<ReportFolderWriter.Format> formats = EnumSet.noneOf(ReportFolderWriter.Format.class);
        job.report().formats().forEach(f -> formats.add(ReportFolderWriter.Format.valueOf(f.name())));
        return formats;
    }

    /**
     * A run completes only with every exposure in the database: wait for the background store, and when a killed
     * run left them incomplete, trace again and store them (same ledger, same answer).
     */
    private void ensureExposuresStored(RunParameters run, JobDefinition job) {
        if (traceDao.sourceOf(run.runId()) != run.runId()) return; // a completed run's trace: stored with it
        if (writer.awaitStored(run.runId())) return;
        Console.progress("report", "exposures incomplete after an interruption: tracing again to store them");
        var trace = runner.trace(run, job);
        var exposures = trace.exposures(new dev.fundtrace.labels.LabelBook(labelDao.of(run.runId())));
        exposureDao.replace(run.runId(), exposures);
        factDao.put(run.runId(), "exposureCount", Integer.toString(exposures.size()));
    }

    RunReport assemble(RunParameters run, JobDefinition job, Set<ReportFolderWriter.Format> formats, boolean writeFlowsJson,
                       String jobFileText) {
        long id = run.runId();
        var loaded = job.ledger().chains().keySet();
        var designations = designationDao.of(id).stream().map(s -> {
            var d = s.designation();
            String why = d.notTracedReason(loaded);
            return new RunReport.DesignationRow(d.subject(), d.sdnUid(), d.programs(), d.currency(), d.chain(),
                    d.address(), d.sourceFile(), s.seed(), why == null, why);
        }).toList();
        long source = traceDao.sourceOf(id);
        var flows = prefetch.flowsOfTrace(id, source);
        Map<String, String> symbols = new HashMap<>();
        flows.forEach(f -> symbols.put(f.asset(), f.assetSymbol()));
        long flagRun = flagDao.flagRunOf(id);
        var flags = FlagDao.asReported(prefetch.storedFlags(id, flagRun), id, flagRun, symbols);
        // reviews.csv is read as the report is written, so that tonight's reviews count, also on an unchanged night
        ReviewsRead reviews = ReviewsRead.of(job, run.runDate());
        var marked = flagReviews.mark(job.name(), id, flags, reviews.book());
        flags = marked.flags();
        flows = flowDao.withPaths(source, flows, pathsNeeded(formats, writeFlowsJson, flows, flags));
        // with the exposures file of the trace, report.json takes them from there and they are not read back
        // (the HTML names services from the flows, whose endpoints they are)
        boolean fragment = Files.isRegularFile(files.exposuresJson(source));
        List<RunReport.ExposureRow> exposures = fragment ? List.of() : exposureDao.ofTrace(source);
        var coverage = factDao.get(id, "coverage").map(Coverage::read).orElse(new RunReport.Coverage(List.of(), List.of()));

        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (String s : List.of("HIGH", "MEDIUM", "LOW")) bySeverity.put(s, 0);
        flags.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        Set<String> reached = new HashSet<>();
        exposures.forEach(e -> reached.add(e.address()));
        int reachedCount = fragment ? factDao.get(traceDao.sourceOf(id), "reachedAddresses").map(Integer::parseInt).orElse(reached.size())
                : reached.size();
        int tracedSeeds = (int) designations.stream().filter(d -> d.seed() && d.traced()).count();
        int seeds = (int) designations.stream().filter(RunReport.DesignationRow::seed).count();
        List<SegmentInfo> segments = runner.segments(job);
        // account chains: their stored transfers; UTXO chains: their outputs (utxo.md's "transfers")
        long transfers = segments.stream().mapToLong(SegmentInfo::transfers).sum() + coverage.chains().stream()
                .filter(c -> c.outputs() != null).mapToLong(RunReport.ChainCoverage::transfers).sum();
        var summary = new RunReport.Summary(tracedSeeds, seeds, reachedCount, bySeverity, transfers);

        List<RunReport.RejectionRow> rejected = new ArrayList<>();
        List<Rejection> all = new ArrayList<>(rejectionDao.of(id));
        List<String> warnings = new ArrayList<>();
        for (SegmentInfo s : segments) {
            all.addAll(store.rejections(s.fingerprint()));
            // each night's segment names what it found unknown (a token's metadata), so the same fact may come twice
            factDao.ledgerWarnings(s.fingerprint()).stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }
        all.addAll(reviews.rejections());
        all.forEach(r -> rejected.add(new RunReport.RejectionRow(r.source(), r.line(), r.reason(), r.record())));
        warnings.addAll(reviews.warnings(marked));
        var previous = runDao.previousCompleted(job.name(), id, run.runDate());
        RunReport.Changes changes;
        if (previous.isPresent()) {
            Set<String> now = new HashSet<>();
            flags.forEach(f -> now.add(key(f)));
            // most nights resolve nothing: read the previous run's flags in full only when some key went away
            // (never when the previous run had this very trace, and so these very flags)
            boolean anyResolved = traceDao.sourceOf(previous.get().runId()) != source
                    && flagDao.keys(previous.get().runId()).stream().anyMatch(k -> !now.contains(k));
            var resolved = !anyResolved ? List.<RunReport.FlagRow>of() : flagDao.of(previous.get().runId(), symbols).stream()
                    .filter(f -> !now.contains(key(f))).toList();
            changes = new RunReport.Changes(previous.get().runDate().toString(),
                    flags.stream().filter(RunReport.FlagRow::newSinceLastRun).map(RunReport.FlagRow::id).toList(), resolved);
        } else {
            changes = new RunReport.Changes(null, List.of(), List.of()); // a first run: nothing to compare with
        }
        return new RunReport(job.name(), run.runDate().toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                parameters(job), coverage, designations, exposures, flows, flags, summary, changes, rejected, warnings,
                factDao.get(source, "clusters").map(Clusters::read).orElse(List.of()),
                // page one's per-designation amounts: summed by the database when the rows are not read back
                fragment ? exposureDao.totals(source, designations.stream().map(RunReport.DesignationRow::address)
                        .filter(java.util.Objects::nonNull).distinct().toList()) : null)
                .withAudit(audit.of(id, job, jobFileText, reviews.digest()));
    }

    /** A flag row's identity, as {@link dev.fundtrace.rules.Flag#key()} and FlagDao's keys spell it. */
    private static String key(RunReport.FlagRow f) {
        return f.rule() + "|" + f.chain() + "|" + f.asset() + "|" + f.address() + "|" + (f.seed() == null ? "" : f.seed());
    }

    static Map<String, Object> parameters(JobDefinition job) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("maxHops", job.trace().maxHops());
        p.put("direction", job.trace().direction().name().toLowerCase());
        p.put("taintModel", "haircut");
        p.put("dust", job.trace().dust());
        p.put("indirectExposureMin", job.rules().indirectExposureMin());
        p.put("rapidPassThroughWindow", job.rules().rapidPassThroughWindow().toString());
        p.put("structuringThreshold", job.rules().structuringThreshold());
        p.put("structuringWindow", job.rules().structuringWindow().toString());
        p.put("structuringMinTransfers", job.rules().structuringMinTransfers());
        p.put("designationFiles", job.designations().files().stream().map(f -> f.getFileName().toString()).toList());
        // ordered maps: Map.of iterates in an order that changes from one JVM to the next, and so did report.json
        p.put("select", ordered("uids", job.designations().select().uids(), "names", job.designations().select().names(),
                "programs", job.designations().select().programs()));
        var eth = job.ledger().ethereum();
        if (eth != null) {
            p.put("ledger", eth.fromFiles() ? ordered("files", eth.files().toString(), "assumeSuccess", eth.assumeSuccess())
                    : ordered("rpc", dev.fundtrace.chain.ethereum.rpc.RedactedUrl.of(eth.rpc()), "confirmations", eth.confirmations()));
        }
        Map<String, Object> utxo = new LinkedHashMap<>();
        job.ledger().chains().values().forEach(source -> {
            if (source instanceof JobDefinition.UtxoLedger u) utxo.put(u.chain().id(), ordered("files", u.files().toString()));
        });
        if (!utxo.isEmpty()) {
            // utxo.md: the parameters state the haircut rule and the clustering heuristic of the UTXO chains
            p.put("utxoLedgers", utxo);
            p.put("utxoHaircut", "floor, fee not traced");
            var c = job.trace().clustering();
            p.put("clustering", ordered("enabled", c.enabled(), "extendSeeds", c.extendSeeds(),
                    "heuristic", "multi-input; CoinJoin-shaped transactions excluded"));
        }
        p.put("maxRejectedShare", job.ledger().maxRejectedShare());
        p.put("labelFiles", job.labels().stream().map(f -> f.getFileName().toString()).toList());
        p.put("explorer", explorerParameter(job.report().explorer()));
        return p;
    }

    /** A map of key/value pairs in the order given. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
