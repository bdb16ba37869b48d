package dev.fundtrace.cli;

import dev.fundtrace.database.DatabaseUrl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Which database a command uses, decided before Spring starts (the run lock must be taken first): {@code --db},
 * else {@code spring.datasource.url} (system property or SPRING_DATASOURCE_URL), else the embedded H2 file under
 * the data folder. Credentials for a PostgreSQL URL come from the URL or from spring.datasource.username/password.
 */
record DatabaseChoice(DatabaseUrl url, Path dataDir, Properties credentials) {

    static DatabaseChoice of(String db, Map<String, Object> extraProperties) {
        Path dataDir = Path.of(setting("fundtrace.data-dir", extraProperties, "./data")).toAbsolutePath().normalize();
        String url = db != null ? db : setting("spring.datasource.url", extraProperties, null);
        Properties credentials = new Properties();
        String user = setting("spring.datasource.username", extraProperties, null);
        String password = setting("spring.datasource.password", extraProperties, null);
        if (user != null) credentials.setProperty("user", user);
        if (password != null) credentials.setProperty("password", password);
        return new DatabaseChoice(url == null ? DatabaseUrl.embedded(dataDir) : DatabaseUrl.parse(url), dataDir, credentials);
    }

    /** A system property, else the environment variable Spring would bind to it, else the command line's own. */
    private static String setting(String key, Map<String, Object> extraProperties, String otherwise) {
        String v = System.getProperty(key);
        if (v == null) v = System.getenv(key.toUpperCase().replace('.', '_').replace("-", ""));
        if (v == null && extraProperties.get(key) != null) v = extraProperties.get(key).toString();
        return v != null ? v : otherwise;
    }
}
