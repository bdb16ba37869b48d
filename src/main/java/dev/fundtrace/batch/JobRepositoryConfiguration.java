package dev.fundtrace.batch;

import dev.fundtrace.database.DatabaseUrl;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.infrastructure.support.DatabaseType;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Batch's job repository and operator on fundtrace's database, whose kind is told by its URL rather than
 * asked of a connection: Spring starts without opening the database (see DatabaseConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    @Override
    protected String getDatabaseType() {
        var url = DatabaseUrl.parse(applicationContext.getEnvironment().getRequiredProperty("spring.datasource.url"));
        return (url.kind() == DatabaseUrl.Kind.H2_FILE ? DatabaseType.H2 : DatabaseType.POSTGRES).name();
    }
}
