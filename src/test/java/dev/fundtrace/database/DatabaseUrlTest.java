package dev.fundtrace.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void theEmbeddedDefaultIsAFileWithFundtracesSettingsAndNoServer() {
        DatabaseUrl db = DatabaseUrl.embedded(Path.of("/srv/ft/data"));
        assertThat(db.kind()).isEqualTo(DatabaseUrl.Kind.H2_FILE);
        assertThat(db.h2File()).isEqualTo(Path.of("/srv/ft/data/fundtrace"));
        assertThat(db.jdbcUrl()).startsWith("jdbc:h2:file:/srv/ft/data/fundtrace;").contains(";MODE=PostgreSQL")
                .contains(";DATABASE_TO_LOWER=TRUE").contains(";DEFAULT_NULL_ORDERING=HIGH").contains(";WRITE_DELAY=0")
                .doesNotContain("AUTO_SERVER");
    }

    @Test
    void anH2FileUrlKeepsItsSettingsAndGainsTheOnesFundtraceNeeds() {
        DatabaseUrl db = DatabaseUrl.parse("jdbc:h2:file:./x/db;CACHE_SIZE=8192;mode=PostgreSQL");
        assertThat(db.h2File()).isEqualTo(Path.of("x/db").toAbsolutePath());
        assertThat(db.jdbcUrl()).contains(";CACHE_SIZE=8192").contains(";MODE=PostgreSQL").contains(";DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void aPostgresUrlIsTakenAsItIsAndItsPasswordIsRedacted() {
        DatabaseUrl db = DatabaseUrl.parse("jdbc:postgresql://db:5432/ft?user=ft&password=s3cret&sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(db.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(db.jdbcUrl()).endsWith("sslrootcert=/etc/ca.pem");
        assertThat(db.redacted()).contains("password=***").doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notjdbc", "jdbc:h2:mem:t", "jdbc:h2:tcp://127.0.0.1/x", "jdbc:h2:./x", "jdbc:mysql://h/x",
            "jdbc:h2:file:/x;INIT=CALL FILE_WRITE('a','/tmp/a')", "jdbc:h2:file:/x;init=RUNSCRIPT FROM 'a.sql'",
            "jdbc:h2:file:/x;TRACE_LEVEL_FILE=3", "jdbc:h2:file:/x;AUTO_SERVER=TRUE", "jdbc:h2:file:/x;AUTO_SERVER_PORT=9090",
            "jdbc:h2:file:zip:/x.zip!/db", "jdbc:h2:file:~/x", "jdbc:h2:file:",
            "jdbc:postgresql://h/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
            "jdbc:postgresql://h/x?user=a&sslfactory=x.Y", "jdbc:postgresql://h/x?loggerFile=/etc/passwd",
            "jdbc:postgresql://h/x?authenticationPluginClassName=x.Y"})
    void urlsOfAnotherKindOrWithCodeRunningOptionsAreRefused(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--db");
    }
}
