package dev.fundtrace;

import dev.fundtrace.batch.TraceJobConfiguration;
import dev.fundtrace.cli.FundtraceCommandLine;
import dev.fundtrace.database.DatabaseConfiguration;
import dev.fundtrace.store.StoreConfiguration;
import dev.fundtrace.batch.JobRepositoryConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * fundtrace: a nightly Spring Batch job that follows sanctioned money. Its beans are the database, Spring Batch's
 * job repository and operator on it, the DAOs and the job's steps, each listed: what Spring Boot's
 * auto-configuration and a class-path scan would find costs seconds at every start (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
@Import({DatabaseConfiguration.class, JobRepositoryConfiguration.class, StoreConfiguration.class,
        TraceJobConfiguration.class})
public class FundtraceApplication {

    public static void main(String[] args) {
        System.exit(new FundtraceCommandLine().execute(args));
    }
}
