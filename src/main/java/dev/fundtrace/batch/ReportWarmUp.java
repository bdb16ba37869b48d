package dev.fundtrace.batch;

import dev.fundtrace.report.ReportFolderWriter;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warms the report writers up on a second thread while the job waits on something else: a cold first render of
 * the page and the JSON took a second of an unchanged night's three, on a core that was idle meanwhile.
 * Started when the ledger turns out to be already loaded (nothing else will use the second core) and, on a night
 * that loaded, while the report step waits for the exposures to be stored. Once per process.
 */
@Component
class ReportWarmUp {

    private final AtomicBoolean started = new AtomicBoolean();

    void start() {
        if (!started.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                ReportFolderWriter.warmUp();
            } catch (RuntimeException e) {
                // only an optimisation: the real report reports its own errors
            }
        }, "fundtrace-report-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
