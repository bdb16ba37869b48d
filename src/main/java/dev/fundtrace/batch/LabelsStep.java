package dev.fundtrace.batch;

import dev.fundtrace.jobfile.JobDefinition;
import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelFileReader;
import dev.fundtrace.rejects.Rejection;
import dev.fundtrace.store.LabelDao;
import dev.fundtrace.store.RejectionDao;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Step 2: read the label files (exchanges, mixers, bridges, …). */
@Component
class LabelsStep implements Tasklet {

    private final LabelDao labelDao;
    private final RejectionDao rejectionDao;
    private final AuditTrail audit;

    LabelsStep(LabelDao labelDao, RejectionDao rejectionDao, AuditTrail audit) {
        this.labelDao = labelDao;
        this.rejectionDao = rejectionDao;
        this.audit = audit;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        JobDefinition job = run.job();
        List<Label> labels = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        var digests = dev.fundtrace.audit.Digests.ofFiles(job.labels()); // hashed meanwhile, on a thread of its own
        for (var file : job.labels()) {
            var result = new LabelFileReader().read(file);
            labels.addAll(result.labels());
            rejected.addAll(result.rejections());
            sources.add(file.getFileName().toString());
            result.rejections().forEach(r -> Console.progress("labels", "refused " + r.message()));
        }
        labelDao.replace(run.runId(), labels);
        rejectionDao.replace(run.runId(), sources, rejected);
        audit.labels(run.runId(), dev.fundtrace.audit.Digests.await(digests));
        contribution.incrementWriteCount(labels.size());
        Console.progress("labels", labels.size() + " labelled addresses, " + rejected.size() + " refused");
        return RepeatStatus.FINISHED;
    }
}
