package dev.fundtrace.cli;

import dev.fundtrace.FundtraceApplication;
import dev.fundtrace.files.OwnerOnlyFiles;
import dev.fundtrace.runlock.RunLock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
     * Spring with the database chosen here. The URL is a command-line property: builder properties are Spring's
     * default properties and lose to application.properties. The H2 file is made owner-only once it exists.
     */
    ConfigurableApplicationContext context(DatabaseChoice db) {
        LogFile.prepare(db.dataDir());
        List<String> args = List.of("--spring.datasource.url=" + db.url().jdbcUrl(), "--fundtrace.data-dir=" + db.dataDir());
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(FundtraceApplication.class)
                .properties(new HashMap<>(extraProperties)).logStartupInfo(false).run(args.toArray(String[]::new));
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
