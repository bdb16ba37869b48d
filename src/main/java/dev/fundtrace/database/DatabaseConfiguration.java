package dev.fundtrace.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * What the steps use of the database: the pool itself is registered by the command line as bean {@code dataSource}
 * ({@link #pool}), so that the command can bring the schema up to date ({@link Schema}) while Spring starts.
 * Spring Batch finds these beans by name ({@code dataSource}, {@code transactionManager}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * The connection pool for {@code url}, with {@code credentials} ({@code user}, {@code password}) when the URL
     * does not carry them. It opens its first connection when first asked for one.
     */
    public static HikariDataSource pool(DatabaseUrl url, Properties credentials) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url.jdbcUrl());
        pool.setMinimumIdle(1); // connections opened as the steps ask, not ten at the start (on PostgreSQL each costs a SCRAM exchange)
        if (credentials.getProperty("user") != null) pool.setUsername(credentials.getProperty("user"));
        if (credentials.getProperty("password") != null) pool.setPassword(credentials.getProperty("password"));
        return pool;
    }

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }
}
