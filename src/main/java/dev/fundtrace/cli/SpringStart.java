package dev.fundtrace.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.fundtrace.FundtraceApplication;
import dev.fundtrace.concurrent.Futures;
import dev.fundtrace.database.DatabaseConfiguration;
import dev.fundtrace.database.Schema;
import dev.fundtrace.files.OwnerOnlyFiles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Spring, started on a thread of its own as soon as the command knows its database, while the command reads the
 * job file, takes the run lock and brings the schema up to date. Neither touches the database before the lock is
 * held: the pool is made first on that thread and opens its first connection in {@link #ready()}, so a job file
 * refused meanwhile leaves nothing behind. Spring is given the database chosen (which wins over system properties
 * and the environment), then the extra properties.
 */
final class SpringStart implements AutoCloseable {

    private final DatabaseChoice db;
    private final CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
    private final CompletableFuture<Started> started = new CompletableFuture<>();
    private boolean handedOver;

    private record Started(AnnotationConfigApplicationContext context, HeapPeak heapPeak) {}

    private SpringStart(DatabaseChoice db, Map<String, Object> extraProperties) {
        this.db = db;
        Map<String, Object> extra = new HashMap<>(extraProperties);
        Thread.ofPlatform().daemon().name("fundtrace-spring-start").start(() -> {
            try {
                HikariDataSource dataSource = DatabaseConfiguration.pool(db.url(), db.credentials());
                pool.complete(dataSource);
                GrownHeap.keep();
                HeapPeak heapPeak = new HeapPeak();
                var ctx = new AnnotationConfigApplicationContext();
                var sources = ctx.getEnvironment().getPropertySources();
                sources.addFirst(new MapPropertySource("command", Map.of("spring.datasource.url", db.url().jdbcUrl(),
                        "fundtrace.data-dir", db.dataDir().toString())));
                sources.addLast(new MapPropertySource("extra", extra));
                ctx.registerBean("dataSource", HikariDataSource.class, () -> dataSource, d -> d.setDestroyMethodName("close"));
                ctx.register(FundtraceApplication.class);
                ctx.refresh();
                started.complete(new Started(ctx, heapPeak));
            } catch (Throwable e) {
                pool.completeExceptionally(e);
                started.completeExceptionally(e);
            }
        });
    }

    static SpringStart begin(DatabaseChoice db, Map<String, Object> extraProperties) {
        return new SpringStart(db, extraProperties);
    }

    /**
     * Spring with its database's schema up to date, for the caller to close; called under the run lock. The log
     * file is set up first, so that what fails from here on leaves its stack trace there; the schema is brought up
     * to date while Spring may still be starting. The H2 file is made owner-only once it exists.
     */
    ConfigurableApplicationContext ready() {
        Logging.toFile(LogFile.prepare(db.dataDir()));
        handedOver = true;
        try {
            Schema.update(Futures.join(pool));
        } catch (RuntimeException | Error e) {
            closeWhenStarted();
            throw e;
        }
        AnnotationConfigApplicationContext ctx;
        try {
            ctx = Futures.join(started).context();
        } catch (RuntimeException | Error e) {
            Futures.join(pool).close();
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
        return Futures.join(started).heapPeak().megabytes();
    }

    /** A context never handed over (the command stopped before it needed Spring) is closed once it has started. */
    @Override
    public void close() {
        if (!handedOver) closeWhenStarted();
    }

    /** Spring, once started, is closed with the pool; a start that failed closes the pool itself. */
    private void closeWhenStarted() {
        started.whenComplete((s, failure) -> {
            if (s != null) s.context().close();
            else pool.thenAccept(HikariDataSource::close);
        });
    }
}
