package dev.fundtrace.chain.ethereum.etl;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvRow#longValue} reads exactly the decimals of up to 19 digits that fit a long and refuses everything else
 * with -1 (the caller takes those as a BigInteger).
 */
class CsvRowNumbersTest {

    private static long read(String field) {
        CsvRow row = new CsvRow();
        row.buf = field.getBytes(StandardCharsets.ISO_8859_1);
        row.start[0] = 0;
        row.end[0] = row.buf.length;
        row.fields = 1;
        return row.longValue(0);
    }

    @Test
    void edgesOfALong() {
        assertThat(read("0")).isZero();
        assertThat(read("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(read("9223372036854775808")).isEqualTo(-1);
        assertThat(read("9999999999999999999")).isEqualTo(-1);
        assertThat(read("18446744073709551617")).isEqualTo(-1);
        assertThat(read("0000000000000000001")).isEqualTo(1);
        assertThat(read("")).isEqualTo(-1);
        assertThat(read("12a")).isEqualTo(-1);
        assertThat(read("-1")).isEqualTo(-1);
        assertThat(read("1.5")).isEqualTo(-1);
    }

    @Test
    void sameAsBigIntegerUpToNineteenDigits() {
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            int digits = r.nextInt(1, 21);
            for (int d = 0; d < digits; d++) s.append((char) ('0' + r.nextInt(10)));
            BigInteger v = new BigInteger(s.toString());
            long expected = digits <= 19 && v.bitLength() < 64 ? v.longValue() : -1;
            assertThat(read(s.toString())).as(s.toString()).isEqualTo(expected);
        }
    }
}
