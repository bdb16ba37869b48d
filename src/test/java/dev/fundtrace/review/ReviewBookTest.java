package dev.fundtrace.review;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewBookTest {

    private static Review review(String asset, String seed, Decision d, String date, long line) {
        return new Review("MIXER", "ethereum", asset, "0xa", seed, d, "A", LocalDate.parse(date), "", "reviews.csv", line);
    }

    @Test
    void aFindingTakesItsNewestReviewAndOneNamingTheAssetWins() {
        ReviewBook book = new ReviewBook(List.of(review(null, "0xs", Decision.ESCALATED, "2026-11-20", 2),
                review(null, "0xs", Decision.CONFIRMED, "2026-11-25", 3), review(null, "0xs", Decision.CLEARED, "2026-11-21", 4),
                review("USDT", "0xs", Decision.CLEARED, "2026-11-01", 5)), LocalDate.parse("2026-11-28"));
        assertThat(book.find("MIXER", "ethereum", "ETH", "0xa", "0xs")).get().extracting(Review::line).isEqualTo(3L);
        assertThat(book.find("MIXER", "ethereum", "USDT", "0xa", "0xs")).get().extracting(Review::line).isEqualTo(5L);
        // another seed, rule or address is another finding
        assertThat(book.find("MIXER", "ethereum", "ETH", "0xa", "0xt")).isEmpty();
        assertThat(book.find("EXCHANGE_CASH_OUT", "ethereum", "ETH", "0xa", "0xs")).isEmpty();
        assertThat(book.find("MIXER", "ethereum", "ETH", "0xb", "0xs")).isEmpty();
    }

    @Test
    void aFlagWithoutSeedMatchesABlankSeedAndReviewsAfterTheRunDateWait() {
        ReviewBook book = new ReviewBook(List.of(review(null, "", Decision.CLEARED, "2026-11-28", 2),
                review(null, "0xs", Decision.CLEARED, "2026-11-29", 3)), LocalDate.parse("2026-11-28"));
        assertThat(book.find("MIXER", "ethereum", "ETH", "0xa", null)).isPresent();
        assertThat(book.find("MIXER", "ethereum", "ETH", "0xa", "0xs")).as("dated after the run").isEmpty();
        assertThat(book.datedAfterTheRun()).isEqualTo(1);
    }
}
