package dev.fundtrace.review;

import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewFileReaderTest {

    static final String HEADER = "rule,chain,address,seed,decision,reviewer,date,note\n";
    static final String SEED = "0x901bb9583b24d97e995513c6778dc6888ab6870e";
    static final String ADDRESS = "0x88c80dfc61c1179bb08a46fce24fef40ac6ed4ec";

    private static ReviewFileReader.Result parse(String text) {
        return new ReviewFileReader().parse("reviews.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReviewNamesItsFindingByRuleChainAddressAndSeedInTheFormFlagsCarry() {
        // the address as the page shows it (EIP-55), the decision in any case, a note over two lines as a spreadsheet writes it
        var read = parse("\uFEFF" + HEADER + "direct_counterparty,ethereum,0x88c80DFc61C1179bb08A46FcE24Fef40ac6eD4Ec," + SEED
                + ",Cleared,A. Analyst,2026-11-28,\"our customer's wallet;\nchecked with KYC\"\n");
        assertThat(read.rejections()).isEmpty();
        assertThat(read.reviews()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("DIRECT_COUNTERPARTY");
            assertThat(r.address()).isEqualTo(ADDRESS);
            assertThat(r.seed()).isEqualTo(SEED);
            assertThat(r.asset()).as("no asset column: any asset").isNull();
            assertThat(r.decision()).isEqualTo(Decision.CLEARED);
            assertThat(r.date()).isEqualTo(LocalDate.of(2026, 11, 28));
            assertThat(r.note()).isEqualTo("our customer's wallet;\nchecked with KYC");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void anAssetColumnNamesTheAssetAndABlankSeedAFlagWithoutOne() {
        var read = parse("asset,rule,chain,address,seed,decision,reviewer,date,note,ticket\n"
                + "0xDAC17F958D2EE523A2206206994597C13D831EC7,MIXER,ethereum," + ADDRESS + ",,confirmed,B,2026-11-01,,T-1\n"
                + "eth,MIXER,ethereum," + ADDRESS + ",,escalated,B,2026-11-01,,T-2\n");
        assertThat(read.rejections()).isEmpty();
        assertThat(read.reviews()).extracting(Review::asset).containsExactly("0xdac17f958d2ee523a2206206994597c13d831ec7", "ETH");
        assertThat(read.reviews()).extracting(Review::seed).containsOnly("");
    }

    @Test
    void aBadRowIsRefusedWithItsLineAndReasonAndTheOthersAreRead() {
        String good = "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,ok\n";
        var read = parse(HEADER + good
                + "MIXING,ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,x\n"
                + "MIXER,ether," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,x\n"
                + "MIXER,ethereum,0x88c8," + SEED + ",cleared,A,2026-11-28,x\n"
                + "MIXER,ethereum," + ADDRESS + "," + SEED + ",ignored,A,2026-11-28,x\n"
                + "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared, ,2026-11-28,x\n"
                + "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared,A,28/11/2026,x\n"
                + "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28\n"
                + "\n"
                + "=HYPERLINK(\"http://x\"),ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,x\n"
                + good);
        assertThat(read.reviews()).hasSize(2).extracting(Review::line).containsExactly(2L, 12L);
        assertThat(read.rejections()).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
        assertThat(read.rejections()).extracting(Rejection::source).containsOnly("reviews.csv");
        assertThat(read.rejections()).extracting(Rejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("rule 'MIXING' is not a rule of fundtrace"),
                r -> assertThat(r).contains("unknown chain 'ether'"),
                r -> assertThat(r).startsWith("address '0x88c8'"),
                r -> assertThat(r).isEqualTo("decision 'ignored' is not one of cleared, confirmed, escalated"),
                r -> assertThat(r).contains("no reviewer"),
                r -> assertThat(r).isEqualTo("date '28/11/2026' is not a date yyyy-MM-dd"),
                r -> assertThat(r).isEqualTo("expected 8 fields, found 7"),
                r -> assertThat(r).contains("is not a rule of fundtrace"));
    }

    @Test
    void aHeaderWithoutARequiredColumnReadsNoReviewAndSaysWhich() {
        var read = parse("rule,chain,address,decision,reviewer,date,note\nMIXER,ethereum," + ADDRESS + ",cleared,A,2026-11-28,x\n");
        assertThat(read.reviews()).isEmpty();
        assertThat(read.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).startsWith("missing column 'seed' (header must be rule,chain,address,seed,decision,reviewer,date,note[,asset])");
        });
        assertThat(parse("").rejections()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("empty file"));
    }

    @Test
    void aQuoteLeftOpenRefusesTheRestFromItsLine() {
        String good = "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,ok\n";
        var read = parse(HEADER + good + "MIXER,ethereum," + ADDRESS + "," + SEED + ",cleared,A,2026-11-28,\"never closed\n" + good);
        assertThat(read.reviews()).hasSize(1);
        assertThat(read.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("a quoted field is not closed");
        });
    }
}
