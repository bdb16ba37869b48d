package dev.fundtrace.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;

/**
 * The database a command was given ({@code spring.datasource.url}, with {@code spring.datasource.username} and
 * {@code .password} when the URL does not carry them), its schema brought up to date before anything uses it.
 * Spring Batch finds these beans by name ({@code dataSource}, {@code transactionManager}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        String user = env.getProperty("spring.datasource.username");
        if (user != null) config.setUsername(user);
        String password = env.getProperty("spring.datasource.password");
        if (password != null) config.setPassword(password);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Schema.update(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
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
