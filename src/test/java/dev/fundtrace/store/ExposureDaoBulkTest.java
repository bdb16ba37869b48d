package dev.fundtrace.store;

import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Large exposure sets go in by chunks, each its own transaction, and come back exactly as they went in. */
class ExposureDaoBulkTest {

    @Test
    void manyExposuresGoInByChunksIntact() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:bulk;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate(); // the schema the application has (db/migration)
        ExposureDao exposureDao = new ExposureDao(new JdbcTemplate(ds));
        List<Exposure> exposures = new ArrayList<>();
        for (int i = 0; i < 2 * ExposureDao.CHUNK + 17; i++) {
            exposures.add(new Exposure(i % 2 == 0 ? Direction.FORWARD : Direction.BACKWARD, "ethereum", "ETH",
                    String.format("0x%040x", i), 1 + i % 4, new BigInteger("123456789012345678901234567890123456789").add(BigInteger.valueOf(i)),
                    "0x901bb9583b24d97e995513c6778dc6888ab6870e", i == 7 ? "Binance 14, \"hot\" wallet" : null,
                    i == 7 ? "exchange" : null));
        }
        exposureDao.replace(42, exposures);
        exposureDao.replace(42, exposures); // a resumed step replaces, never doubles
        var rows = exposureDao.ofTrace(42);
        assertThat(rows).hasSize(2 * ExposureDao.CHUNK + 17);
        var seven = rows.stream().filter(r -> r.address().equals(String.format("0x%040x", 7))).findFirst().orElseThrow();
        assertThat(seven.label()).isEqualTo("Binance 14, \"hot\" wallet");
        assertThat(seven.category()).isEqualTo("exchange");
        assertThat(seven.taintedAmountRaw()).isEqualTo("123456789012345678901234567890123456796"); // an integer string, exact
        assertThat(rows.stream().filter(r -> r.address().equals(String.format("0x%040x", 8))).findFirst().orElseThrow().label()).isNull();
        assertThat(rows.get(0).direction()).isEqualTo("forward");
    }
}
