package dev.fundtrace.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one database URL a command may use: an embedded H2 file or a PostgreSQL server, nothing else. H2 settings
 * that run code or open a port (INIT, TRACE_LEVEL_FILE, AUTO_SERVER, ...) are refused rather than filtered, and
 * so are PostgreSQL driver options that load a class or write a file, so that a URL pasted into a crontab cannot
 * turn into a network service or a file write.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, Path h2File) {

    public enum Kind { H2_FILE, POSTGRESQL }

    /** Settings H2 may be given: the compatibility settings fundtrace needs and harmless tuning. */
    private static final Set<String> H2_ALLOWED = Set.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "DEFAULT_NULL_ORDERING", "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "CACHE_SIZE", "LOCK_TIMEOUT",
            "WRITE_DELAY", "MAX_COMPACT_TIME", "DB_CLOSE_ON_EXIT", "IFEXISTS", "USER", "PASSWORD");

    /**
     * What fundtrace assumes of H2; added when a URL does not say (a database keeps DATABASE_TO_LOWER for life).
     * WRITE_DELAY=0: a commit is written to the file at once, not up to half a second later, so a killed run
     * loses no commit it made and its resume starts from where it really was.
     */
    private static final Map<String, String> H2_REQUIRED = Map.of("MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH", "WRITE_DELAY", "0");

    /** pgjdbc options that instantiate a class named in the URL or write a file (CVE-2022-21724 and kin). */
    private static final Set<String> POSTGRES_REFUSED = Set.of("socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname",
            "loggerfile", "loggerlevel");

    private static final String H2_PREFIX = "jdbc:h2:file:", POSTGRES_PREFIX = "jdbc:postgresql:";

    /** The embedded default: {@code <dataDir>/fundtrace}, user {@code sa}, reachable from this process only. */
    public static DatabaseUrl embedded(Path dataDir) {
        return parse(H2_PREFIX + dataDir.toAbsolutePath().normalize().resolve("fundtrace") + ";USER=sa;PASSWORD=");
    }

    /**
     * @throws IllegalArgumentException with a sentence for the operator when the URL is of another kind or
     *                                  carries a refused option
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("--db needs a JDBC URL");
        if (url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length())) return h2(url.substring(H2_PREFIX.length()));
        if (url.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())) return postgres(url);
        throw new IllegalArgumentException("--db must be a jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB URL, not '"
                + url + "'");
    }

    private static DatabaseUrl h2(String rest) {
        String[] parts = rest.split(";");
        String file = parts[0];
        if (file.isBlank()) throw new IllegalArgumentException("--db: jdbc:h2:file: needs a file path");
        if (file.contains(":") || file.startsWith("~")) {
            throw new IllegalArgumentException("--db: the H2 file must be a plain path, not '" + file + "'");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) continue;
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (!H2_ALLOWED.contains(key)) {
                throw new IllegalArgumentException("--db: the H2 setting " + key + " is not accepted (allowed: "
                        + H2_ALLOWED.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            settings.put(key, eq < 0 ? "" : parts[i].substring(eq + 1));
        }
        H2_REQUIRED.forEach(settings::putIfAbsent);
        Path path = Path.of(file).toAbsolutePath().normalize();
        String url = H2_PREFIX + path + settings.entrySet().stream().map(e -> ";" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        return new DatabaseUrl(Kind.H2_FILE, url, path);
    }

    private static DatabaseUrl postgres(String url) {
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String option : List.of(url.substring(q + 1).split("&"))) {
                String key = option.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (POSTGRES_REFUSED.contains(key)) {
                    throw new IllegalArgumentException("--db: the PostgreSQL option '" + option.split("=", 2)[0]
                            + "' is not accepted (it loads a class or writes a file)");
                }
            }
        }
        return new DatabaseUrl(Kind.POSTGRESQL, url, null);
    }

    /** The URL with any password replaced, for messages and logs. */
    public String redacted() {
        return jdbcUrl.replaceAll("(?i)(PASSWORD=)[^;&]*", "$1***");
    }
}
