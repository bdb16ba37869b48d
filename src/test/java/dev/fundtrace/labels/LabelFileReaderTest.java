package dev.fundtrace.labels;

import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelFileReaderTest {

    @TempDir
    Path dir;

    private static final String A = "0x" + "a".repeat(40), B = "0x" + "b".repeat(40), C = "0x" + "c".repeat(40),
            D = "0x" + "d".repeat(40), E = "0x" + "e".repeat(40);

    private LabelFileReader.Result read(String text) throws Exception {
        return new LabelFileReader().read(Files.writeString(dir.resolve("labels.csv"), text));
    }

    @Test
    void oneUnbalancedQuoteCostsOnlyItsOwnLine() throws Exception {
        var r = read("""
                address,chain,label,category,source
                %s,ethereum,Binance 14,exchange,etherscan
                %s,ethereum,"Kraken 4,exchange,etherscan
                %s,ethereum,"Tornado Cash, 100 ETH",mixer,etherscan

                %s,ethereum,"The ""Bridge""\",bridge,etherscan
                %s,ethereum,Late one,exchange,"etherscan
                """.formatted(A, B, C, D, E));
        // the rows before and after the broken quote are kept, quoted commas and doubled quotes included
        assertThat(r.labels()).extracting(Label::address).containsExactly(A, C, D);
        assertThat(r.labels()).extracting(Label::label).containsExactly("Binance 14", "Tornado Cash, 100 ETH", "The \"Bridge\"");
        assertThat(r.rejections()).containsExactly(
                new Rejection("labels.csv", 3, "unbalanced quote: a quoted field is not closed on its line",
                        B + ",ethereum,\"Kraken 4,exchange,etherscan"),
                new Rejection("labels.csv", 7, "unbalanced quote: a quoted field is not closed on its line",
                        E + ",ethereum,Late one,exchange,\"etherscan"));
    }

    @Test
    void aStrayQuoteInsideAFieldAndAWrongFieldCountAreRefusedLineByLine() throws Exception {
        var r = read("""
                address,chain,label,category
                %s,ethereum,"Binance"14,exchange
                %s,ethereum,Kraken,exchange,extra
                %s,ethereum,Kept,exchange
                =HYPERLINK("x"),ethereum,Evil,exchange
                """.formatted(A, B, C));
        assertThat(r.labels()).extracting(Label::address).containsExactly(C);
        assertThat(r.labels().getFirst().source()).isEqualTo("labels.csv");
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(2L, 3L, 5L);
        assertThat(r.rejections().get(0).reason()).startsWith("CSV quoting problem: ");
        assertThat(r.rejections().get(1).reason()).isEqualTo("expected 4 fields, found 5");
        assertThat(r.rejections().get(2).reason()).contains("is not 0x + 40 hex digits");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsStillFailsTheFile() {
        assertThatThrownBy(() -> read("address,chain,label\n" + A + ",ethereum,x\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1: missing column 'category'");
    }
}
