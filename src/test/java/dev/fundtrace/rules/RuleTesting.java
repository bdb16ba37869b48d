package dev.fundtrace.rules;

import dev.fundtrace.labels.Label;
import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.LedgerFixture;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.trace.LedgerFixture.addr;

/**
 * Runs one rule over a planted ledger ({@link LedgerFixture}) and returns its flags as the engine makes them.
 * ETH has 18 decimals, so the thresholds below are small: 100 wei for INDIRECT_EXPOSURE, 1000 wei for
 * STRUCTURING. Blocks are 12 s apart: the 1 h window is 300 blocks, the 1 day window 7200.
 */
final class RuleTesting {

    static final BigDecimal INDIRECT_MIN = new BigDecimal("1E-16");
    static final BigDecimal STRUCTURING_THRESHOLD = new BigDecimal("1E-15");
    static final RuleThresholds THRESHOLDS = new RuleThresholds(Map.of("ETH", INDIRECT_MIN), Duration.ofHours(1),
            Map.of("ETH", STRUCTURING_THRESHOLD), Duration.ofDays(1), 3);

    private RuleTesting() {}

    static List<Flag> flags(FlagRule rule, LedgerFixture f) {
        return flags(rule, f, LabelBook.empty(), List.of());
    }

    static List<Flag> flags(FlagRule rule, LedgerFixture f, LabelBook labels) {
        return flags(rule, f, labels, List.of());
    }

    static List<Flag> flags(FlagRule rule, LedgerFixture f, LabelBook labels, List<String> sanctionedNotSeeds) {
        return new FlagEngine(labels, List.of(rule)).evaluate(f.trace().chainTrace(), sanctionedNotSeeds).flags();
    }

    /** A label book with one label; the fixture must name the address as a service too, as the trace step does. */
    static LabelBook labelled(String name, String category) {
        return new LabelBook(List.of(new Label(addr(name), "ethereum", "Some " + category, category, "test")));
    }
}
