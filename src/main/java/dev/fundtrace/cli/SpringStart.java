package dev.fundtrace.cli;

import dev.fundtrace.FundtraceApplication;
import dev.fundtrace.database.Schema;
import dev.fundtrace.files.OwnerOnlyFiles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Spring, started on a thread of its own as soon as the command knows its database, while the command reads the
 * job file and takes the run lock: the context touches neither the disk nor the database until {@link #ready()}
 * (the pool opens its first connection there), so a job file refused meanwhile leaves nothing behind. The
 * database chosen wins over system properties and the environment; the extra properties come last.
 */
final class SpringStart implements AutoCloseable {

    private final DatabaseChoice db;
    private final CompletableFuture<Started> started;
    private boolean handedOver;

    private record Started(AnnotationConfigApplicationContext context, HeapPeak heapPeak) {}

    private SpringStart(DatabaseChoice db, Map<String, Object> extraProperties) {
        this.db = db;
        Map<String, Object> extra = new HashMap<>(extraProperties);
        this.started = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("fundtrace-spring-start").start(() -> {
            try {
                HeapPeak heapPeak = new HeapPeak();
                var ctx = new AnnotationConfigApplicationContext();
                var sources = ctx.getEnvironment().getPropertySources();
                sources.addFirst(new MapPropertySource("command", Map.of("spring.datasource.url", db.url().jdbcUrl(),
                        "fundtrace.data-dir", db.dataDir().toString())));
                sources.addLast(new MapPropertySource("extra", extra));
                ctx.register(FundtraceApplication.class);
                ctx.refresh();
                started.complete(new Started(ctx, heapPeak));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
    }

    static SpringStart begin(DatabaseChoice db, Map<String, Object> extraProperties) {
        return new SpringStart(db, extraProperties);
    }

    /**
     * Spring with its database's schema up to date, for the caller to close; called under the run lock. The log
     * file is set up first, so that what fails from here on leaves its stack trace there. The H2 file is made
     * owner-only once it exists.
     */
    ConfigurableApplicationContext ready() {
        Logging.toFile(LogFile.prepare(db.dataDir()));
        AnnotationConfigApplicationContext ctx = started().context();
        handedOver = true;
        try {
            Schema.update(ctx.getBean(DataSource.class));
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        // a run stopped by a signal closes Spring: the stores still writing finish, the database is closed cleanly
        ctx.registerShutdownHook();
        if (db.url().h2File() != null) {
            Path h2 = db.url().h2File();
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".mv.db"));
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".trace.db"));
        }
        return ctx;
    }

    /** The most heap held since Spring started; after {@link #ready()}. */
    long heapPeakMegabytes() {
        return started().heapPeak().megabytes();
    }

    private Started started() {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** A context never handed over (the command stopped before it needed Spring) is closed once it has started. */
    @Override
    public void close() {
        if (!handedOver) started.thenAccept(s -> s.context().close());
    }
}
