package dev.fundtrace.batch;

import dev.fundtrace.audit.Digests;
import dev.fundtrace.audit.FileDigest;
import dev.fundtrace.designation.Designation;
import dev.fundtrace.designation.DesignationFile;
import dev.fundtrace.designation.DesignationReader;
import dev.fundtrace.designation.SeedSelector;
import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.report.RunReport;
import dev.fundtrace.store.DesignationDao;
import dev.fundtrace.store.RejectionDao;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Step 1: read the sanctions files, validate every address, select the seeds. */
@Component
class DesignationsStep implements Tasklet {

    private final DesignationDao designationDao;
    private final RejectionDao rejectionDao;
    private final AuditTrail audit;

    DesignationsStep(DesignationDao designationDao, RejectionDao rejectionDao, AuditTrail audit) {
        this.designationDao = designationDao;
        this.rejectionDao = rejectionDao;
        this.audit = audit;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long t0 = System.nanoTime();
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        List<Designation> all = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        DesignationReader reader = new DesignationReader();
        List<RunReport.DesignationInput> inputs = new ArrayList<>();
        for (var file : job.designations().files()) {
            // hashed on a thread of its own while it is parsed here
            var digest = Digests.ofFiles(List.of(file));
            DesignationFile f = reader.read(file);
            var others = Digests.ofFiles(f.filesRead().stream().filter(p -> !p.equals(file)).toList());
            for (FileDigest d : concat(Digests.await(digest), Digests.await(others))) {
                inputs.add(new RunReport.DesignationInput(d.path(), d.bytes(), d.sha256(), f.format().name(),
                        f.publishDate().date(), f.publishDate().statedIn()));
            }
            all.addAll(f.designations());
            rejected.addAll(f.rejections());
            sources.add(f.source());
            rejected.stream().map(Rejection::source).distinct().forEach(s -> { if (!sources.contains(s)) sources.add(s); });
            Console.progress("designations", f.source() + " (" + f.format() + "): " + f.designations().size()
                    + " addresses, " + f.rejections().size() + " refused");
            f.rejections().forEach(r -> Console.progress("designations", "refused " + r.message()));
        }
        // the same address from two files (XML and CSV of one list) is one designation
        List<Designation> unique = new ArrayList<>();
        var seen = new HashSet<String>();
        for (Designation d : all) if (seen.add(d.currency() + "|" + d.address() + "|" + d.sdnUid())) unique.add(d);
        var select = job.designations().select();
        var seeds = new HashSet<>(SeedSelector.select(unique, select.uids(), select.names(), select.programs()));
        designationDao.replace(run.runId(), unique, seeds);
        rejectionDao.replace(run.runId(), sources, rejected);
        audit.designations(run.runId(), inputs);
        long traced = seeds.stream().filter(d -> d.traced(job.ledger().chains().keySet())).count();
        contribution.incrementWriteCount(unique.size());
        Console.progress("designations", unique.size() + " designated addresses, " + seeds.size() + " selected as seeds ("
                + traced + " on traced chains); read in " + Console.seconds(System.nanoTime() - t0));
        return RepeatStatus.FINISHED;
    }

    private static List<FileDigest> concat(List<FileDigest> a, List<FileDigest> b) {
        List<FileDigest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
