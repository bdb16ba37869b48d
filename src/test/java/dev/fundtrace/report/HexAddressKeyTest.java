package dev.fundtrace.report;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HexAddressKeyTest {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    @Test
    void tellsHexAddressesAsThePatternDoes() {
        Random random = new Random(15);
        String alphabet = "0123456789abcdefABCDEFxXgG \u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "" : "0x");
            int length = random.nextInt(3) == 0 ? random.nextInt(45) : 40;
            // mostly hex digits, now and then another character
            for (int i = 0; i < length; i++) b.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 22)));
            String a = b.toString();
            assertThat(HtmlReportWriter.isHexAddress(a)).as(a).isEqualTo(HEX_ADDRESS.matcher(a).matches());
        }
        assertThat(HtmlReportWriter.isHexAddress("0x" + "aB".repeat(20))).isTrue();
        assertThat(HtmlReportWriter.isHexAddress("0X" + "ab".repeat(20))).isFalse();
    }
}
