package dev.fundtrace.cli;

import dev.fundtrace.FundtraceApplication;
import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.runlock.RunLock;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the commands share: extra Spring properties (tests point the data folder elsewhere), Spring and the run lock. */
final class RunEnvironment {

    private final Map<String, Object> extraProperties = new HashMap<>();
    final HeapPeak heapPeak = new HeapPeak();

    void put(String key, Object value) {
        extraProperties.put(key, value);
    }

    /** @throws IllegalArgumentException for a --db URL fundtrace refuses */
    DatabaseChoice database(String db) {
        return DatabaseChoice.of(db, extraProperties);
    }

    /**
     * Spring with the database chosen here, which wins over system properties and the environment; the extra
     * properties come last. The H2 file is made owner-only once it exists.
     */
    ConfigurableApplicationContext context(DatabaseChoice db) {
        Logging.toFile(LogFile.prepare(db.dataDir()));
        var ctx = new AnnotationConfigApplicationContext();
        var sources = ctx.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("command", Map.of("spring.datasource.url", db.url().jdbcUrl(),
                "fundtrace.data-dir", db.dataDir().toString())));
        sources.addLast(new MapPropertySource("extra", new HashMap<>(extraProperties)));
        ctx.register(FundtraceApplication.class);
        ctx.refresh();
        // a run stopped by a signal closes Spring: the stores still writing finish, the database is closed cleanly
        ctx.registerShutdownHook();
        if (db.url().h2File() != null) {
            Path h2 = db.url().h2File();
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".mv.db"));
            OwnerOnlyFiles.restrict(h2.resolveSibling(h2.getFileName() + ".trace.db"));
        }
        return ctx;
    }

    /** The data folder is made owner-only before anything is written in it, then the lock is taken. */
    static RunLock lock(DatabaseChoice db, String job, String command) {
        try {
            OwnerOnlyFiles.createDirectories(db.dataDir());
            OwnerOnlyFiles.restrict(db.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data folder " + db.dataDir() + ": " + e.getMessage(), e);
        }
        return RunLock.acquire(db.url(), job, command, db.credentials());
    }
}
