package dev.fundtrace.store;

import dev.fundtrace.report.RunReport.ExposureTotal;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.Exposure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Page one's per-designation amounts, summed exactly by the database without reading the exposures back. */
class ExposureTotalsTest {

    @Test
    void sumsPerSeedAssetDirectionFirstHopAndKind() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:totals;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        ExposureDao dao = new ExposureDao(new JdbcTemplate(ds));
        BigInteger big = new BigInteger("40000000000000000000");
        dao.replace(7, List.of(
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xa", 1, big, "0xs", null, null),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xb", 1, BigInteger.ONE, "0xs", null, null),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xe", 2, BigInteger.TEN, "0xs", "Binance 7", "Exchange"),
                new Exposure(Direction.FORWARD, "ethereum", "ETH", "0xt", 3, BigInteger.TWO, "0xs", null, null),
                new Exposure(Direction.BACKWARD, "ethereum", "ETH", "0xf", 1, BigInteger.valueOf(5), "0xs", null, null)));
        assertThat(dao.totals(7, List.of("0xt", "0xs"))).containsExactlyInAnyOrder(
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", true, null, "40000000000000000001"),
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", false, "exchange", "10"),
                new ExposureTotal("ethereum", "0xs", "ETH", "forward", false, "sanctioned", "2"),
                new ExposureTotal("ethereum", "0xs", "ETH", "backward", true, null, "5"));
    }
}
