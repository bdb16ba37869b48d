package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsRoundingTest {

    /** How the explanations rounded before: through BigDecimal. */
    private static String decimal(BigInteger raw, int decimals) {
        BigDecimal v = decimals > 0 ? new BigDecimal(raw).movePointLeft(decimals) : new BigDecimal(raw);
        return v.round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    @Test
    void roundsAsBigDecimalDoes() {
        Random random = new Random(15);
        String[] fixed = {"0", "1", "5", "10", "999999999999", "9999999999995", "9999999999994", "999999999999500000",
                "100000000000000000000", "123456789012345678901234567890", "1000000000005", "2305843009213693953"};
        for (int decimals : new int[] {-2, 0, 1, 8, 12, 18, 30}) {
            for (String s : fixed) {
                for (BigInteger raw : new BigInteger[] {new BigInteger(s), new BigInteger(s).negate()}) {
                    assertThat(Amounts.plainRounded(raw, decimals)).as("%s %d", raw, decimals).isEqualTo(decimal(raw, decimals));
                }
            }
        }
        for (int n = 0; n < 50_000; n++) {
            int digits = 1 + random.nextInt(40);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < digits; i++) b.append(random.nextInt(4) == 0 ? '9' : random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
            BigInteger raw = new BigInteger(b.toString());
            if (random.nextBoolean()) raw = raw.negate();
            int decimals = random.nextInt(40) - 3;
            assertThat(Amounts.plainRounded(raw, decimals)).as("%s %d", raw, decimals).isEqualTo(decimal(raw, decimals));
        }
    }
}
