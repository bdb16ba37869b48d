package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.ledger.store.LedgerStore;
import dev.fundtrace.ledger.store.SegmentInfo;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.report.ExplorerLinks;
import dev.fundtrace.report.ReportFolderWriter;
import dev.fundtrace.report.RenderedFlags;
import dev.fundtrace.report.ReportInput;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.report.ServiceLabel;
import dev.fundtrace.results.ExposureFiles;
import dev.fundtrace.results.Findings;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.FactDao;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.store.RejectionDao;
import dev.fundtrace.store.RunDao;
import dev.fundtrace.store.TraceDao;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 6: write the report folder in one pass from the trace's files: report.json splices the exposures and flows
 * arrays in, and the flags are read once from the trace's flag file, each going into report.json, flagged-flows.csv
 * and what report.html keeps of them as it passes; which are new, and which of the last run's are gone, comes from
 * comparing the runs' key hashes ({@link FlagComparison}). Nothing large is read back from the database.
 */
@Component
class ReportStep implements Tasklet {

    private final RunDao runDao;
    private final TraceDao traceDao;
    private final DesignationDao designationDao;
    private final LabelDao labelDao;
    private final RejectionDao rejectionDao;
    private final FactDao factDao;
    private final TraceRunner runner;
    private final LedgerStore store;
    private final RunFiles files;
    private final ExposureWriter writer;
    private final FlagComparison comparison;
    private final AuditTrail audit;
    private final FlagReviews flagReviews;

    ReportStep(RunDao runDao, TraceDao traceDao, DesignationDao designationDao, LabelDao labelDao,
               RejectionDao rejectionDao, FactDao factDao, TraceRunner runner, LedgerStore store, RunFiles files,
               ExposureWriter writer, FlagComparison comparison, AuditTrail audit, FlagReviews flagReviews) {
        this.audit = audit;
        this.flagReviews = flagReviews;
        this.runDao = runDao;
        this.traceDao = traceDao;
        this.designationDao = designationDao;
        this.labelDao = labelDao;
        this.rejectionDao = rejectionDao;
        this.factDao = factDao;
        this.runner = runner;
        this.store = store;
        this.files = files;
        this.writer = writer;
        this.comparison = comparison;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        long source = traceDao.sourceOf(run.runId());
        ReportFolderWriter.Written written;
        ReportInput in;
        long t0, t1, c1;
        try {
            writer.ensureWritten(run, source);
            Findings findings = files.findings(source);
            if (!findings.exist()) {
                throw new IllegalStateException("the flags of run " + source + "'s trace are missing from "
                        + findings.folder() + ": run the same command again to write them");
            }
            t0 = System.nanoTime();
            in = input(run, job, source, findings, jobFileText(chunk, run));
            t1 = System.nanoTime();
            c1 = FlagStep.threadCpu();
            written = new ReportFolderWriter(explorerLinks(job.report().explorer()))
                    .write(in, run.reportRoot(job), formats(job), () -> { });
        } catch (RuntimeException e) {
            writer.awaitQuietly(run.runId()); // the step fails only once the writer's thread is done
            throw e;
        }
        Console.progress("report", String.format("%,d flags: gathered in %.2f s, written in %.2f s (cpu %.2f s)",
                written.tally().count(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, (FlagStep.threadCpu() - c1) / 1e9));
        RunReport report = in.report();
        runDao.summary(run.runId(), written.folder().toString(), report.designations().size(), report.summary().seeds(),
                report.summary().transfers(), report.summary().reachedAddresses(), report.summary().flags());
        Summary.keep(chunk.getStepContext().getStepExecution().getJobExecution(), report, written.tally(), written.folder());
        return RepeatStatus.FINISHED;
    }

    /** The job file's text the run goes by: the one it started with, kept with the run (see RunDefinition). */
    private static String jobFileText(ChunkContext chunk, RunParameters run) {
        String kept = RunDefinition.keptText(chunk.getStepContext().getStepExecution().getJobExecution());
        return kept != null ? kept : dev.fundtrace.jobfile.JobFileLoader.read(run.jobFile());
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

    /** Everything the report is written from: the small parts from the database, the large ones as files. */
    ReportInput input(RunParameters run, JobDefinition job, long source, Findings findings, String jobFileText) {
        long id = run.runId();
        var loaded = job.ledger().chains().keySet();
        var designations = designationDao.of(id).stream().map(s -> {
            var d = s.designation();
            String why = d.notTracedReason(loaded);
            return new RunReport.DesignationRow(d.subject(), d.sdnUid(), d.programs(), d.currency(), d.chain(),
                    d.address(), d.sourceFile(), s.seed(), why == null, why);
        }).toList();
        ReviewsRead reviews = ReviewsRead.of(job, run.runDate());
        var coverage = factDao.get(id, "coverage").map(Coverage::read).orElse(new RunReport.Coverage(List.of(), List.of()));
        Map<String, Integer> bySeverity = new LinkedHashMap<>(findings.counts());
        int reachedCount = factDao.get(source, "reachedAddresses").map(Integer::parseInt).orElse(0);
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
        FlagComparison.Result compared = comparison.compare(job.name(), id, run.runDate());
        // reviews.csv is read as the report is written, so that tonight's reviews count, also on an unchanged night
        FlagReviews.Marked marked = flagReviews.mark(job.name(), id, findings.flags(compared.isNew()), reviews.book());
        warnings.addAll(reviews.warnings(marked));
        // a first run: nothing to compare with
        var changes = new RunReport.Changes(compared.previous().map(p -> p.runDate().toString()).orElse(null), List.of(), List.of());
        ExposureFiles exposures = files.exposures(source);
        RunReport report = new RunReport(job.name(), run.runDate().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), parameters(job), coverage, designations,
                List.of(), List.of(), List.of(), summary, changes, rejected, warnings,
                factDao.get(source, "clusters").map(Clusters::read).orElse(List.of()), exposures.totals())
                .withAudit(audit.of(id, job, jobFileText, reviews.digest()));
        List<ServiceLabel> labels = labelDao.of(id).stream()
                .map(l -> new ServiceLabel(l.chain(), l.address(), l.label(), l.category())).toList();
        // with no flag new tonight, the flags render as they did on any other such night with the same reviews
        RenderedFlags rendered = compared.noneNew()
                ? new RenderedFlags(findings.renderedFlagsFolder(), "none new\nmarks\n" + marked.marks()) : null;
        return new ReportInput(report, exposures.json(), findings.flowsJson(), marked.flags(),
                compared.resolved(), true, findings.pageFlows(), labels, rendered);
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
