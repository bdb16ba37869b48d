package dev.fundtrace.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;

/**
 * The database a command was given ({@code spring.datasource.url}, with {@code spring.datasource.username} and
 * {@code .password} when the URL does not carry them). The pool opens its first connection when first asked for
 * one, so Spring starts without touching the database; the command brings the schema up to date ({@link Schema})
 * before anything else uses it. Spring Batch finds these beans by name ({@code dataSource}, {@code transactionManager}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(Environment env) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        String user = env.getProperty("spring.datasource.username");
        if (user != null) pool.setUsername(user);
        String password = env.getProperty("spring.datasource.password");
        if (password != null) pool.setPassword(password);
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
