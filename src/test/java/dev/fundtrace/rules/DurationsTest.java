package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations a reader says, not ISO-8601. */
class DurationsTest {

    @Test
    void wordsNotIso() {
        assertThat(Durations.inWords(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(Durations.inWords(Duration.ofHours(24))).isEqualTo("1 day");
        assertThat(Durations.inWords(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
        assertThat(Durations.inWords(Duration.ofSeconds(2))).isEqualTo("2 seconds");
        assertThat(Durations.inWordsIfDuration("P2DT6H")).isEqualTo("2 days 6 hours");
        assertThat(Durations.inWordsIfDuration("Paris")).isEqualTo("Paris");
    }
}
