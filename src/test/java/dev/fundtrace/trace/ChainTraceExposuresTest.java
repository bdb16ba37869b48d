package dev.fundtrace.trace;

import dev.fundtrace.labels.LabelBook;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The exposure records of a trace and its count of reached addresses agree. */
class ChainTraceExposuresTest {

    @Test
    void reachedAddressesCountsEachAddressOnceAcrossDirectionsAndExposuresListForwardBeforeBackward() {
        var r = TracingRulesTest.graph()
                .tx(10, 1, "F", "S", 100)   // F funds the seed: reached backward
                .tx(11, 1, "S", "A", 60)    // A reached forward
                .tx(12, 1, "A", "F", 30)    // F reached forward too: counted once
                .tx(13, 1, "A", "B", 20)
                .trace();
        List<Exposure> exposures = r.trace.exposures(new LabelBook(List.of()));
        Set<String> distinct = new HashSet<>();
        exposures.forEach(e -> distinct.add(e.address()));
        assertThat(r.trace.reachedAddresses()).isEqualTo(distinct.size()).isEqualTo(3);
        assertThat(r.trace.exposureCount()).isEqualTo(exposures.size()).isEqualTo(4);
        assertThat(exposures).extracting(Exposure::direction)
                .containsExactly(Direction.FORWARD, Direction.FORWARD, Direction.FORWARD, Direction.BACKWARD);
    }
}
