package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.Flow;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static dev.fundtrace.rules.RuleTesting.THRESHOLDS;
import static dev.fundtrace.rules.RuleTesting.labelled;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine: all rules of the table, hits merged into flags by key, stable ids, flags in report order. */
class FlagEngineTest {

    private static FlagResult evaluate(LedgerFixture f, LabelBook labels, List<String> sanctionedNotSeeds) {
        return new FlagEngine(labels, THRESHOLDS).evaluate(f.trace().chainTrace(), sanctionedNotSeeds);
    }

    private static List<Rule> rules(LedgerFixture f, LabelBook labels, List<String> sanctionedNotSeeds) {
        return evaluate(f, labels, sanctionedNotSeeds).flags().stream().map(Flag::rule).toList();
    }

    @Test
    void everyRuleOfTheTableIsApplied() {
        LabelBook none = LabelBook.empty();
        var paidA = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100);
        assertThat(rules(paidA, none, List.of())).contains(Rule.DIRECT_COUNTERPARTY);
        assertThat(rules(paidA, none, List.of(addr("A")))).contains(Rule.SANCTIONED_COUNTERPARTY);
        assertThat(rules(MixerRuleTest.forwardToM(), labelled("M", "mixer"), List.of())).contains(Rule.MIXER);
        assertThat(rules(ExchangeCashOutRuleTest.throughD(), labelled("X", "exchange"), List.of())).contains(Rule.EXCHANGE_CASH_OUT);
        var funding = new LedgerFixture().seeds("S").services("X").tx(10, 0, "X", "S", 100);
        assertThat(rules(funding, labelled("X", "exchange"), List.of())).contains(Rule.EXCHANGE_FUNDING);
        assertThat(rules(IndirectExposureRuleTest.aPaysB(100), none, List.of())).contains(Rule.INDIRECT_EXPOSURE);
        assertThat(rules(RapidPassThroughRuleTest.paidA().tx(11, 0, "A", "B", 90), none, List.of())).contains(Rule.RAPID_PASS_THROUGH);
        assertThat(rules(PeelChainRuleTest.chainOfThree(), none, List.of())).contains(Rule.PEEL_CHAIN);
        assertThat(rules(StructuringRuleTest.threeSends(950, 950, 950), none, List.of())).contains(Rule.STRUCTURING);
    }

    @Test
    void flagsComeInReportOrder_severityRuleAssetAddress() {
        var f = StructuringRuleTest.threeSends(950, 950, 950).tx(14, 0, "X1", "S", 10).tx(15, 0, "X2", "B", 900);
        List<Flag> flags = evaluate(f, LabelBook.empty(), List.of()).flags();
        assertThat(flags).extracting(Flag::rule).contains(Rule.DIRECT_COUNTERPARTY, Rule.INDIRECT_EXPOSURE, Rule.STRUCTURING);
        assertThat(flags).isSortedAccordingTo(Comparator.comparing(Flag::severity).thenComparing(Flag::rule)
                .thenComparing(Flag::asset).thenComparing(Flag::address));
    }

    @Test
    void idsDependOnlyOnWhatTheFlagOrFlowIsAbout() {
        FlagResult r = evaluate(new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100), LabelBook.empty(), List.of());
        Flag direct = r.flags().stream().filter(g -> g.rule() == Rule.DIRECT_COUNTERPARTY).findFirst().orElseThrow();
        assertThat(direct.id()).isEqualTo("G-" + ShortHash.of("DIRECT_COUNTERPARTY|ethereum|ETH|" + addr("A")));
        assertThat(direct.flowIds()).containsExactly("F-" + ShortHash.of("forward|ethereum|ETH|" + addr("A")));
    }

    @Test
    void theResultHoldsEachFlowTheFlagsNameOnce() {
        // A is DIRECT_COUNTERPARTY, RAPID_PASS_THROUGH and STRUCTURING on the same forward flow
        var f = StructuringRuleTest.threeSends(950, 950, 950).tx(14, 0, "A", "B", 2_000);
        FlagResult r = evaluate(f, LabelBook.empty(), List.of());
        List<String> named = r.flags().stream().flatMap(g -> g.flowIds().stream()).distinct().toList();
        assertThat(r.flows()).extracting(Flow::id).containsExactlyInAnyOrderElementsOf(named);
        assertThat(r.flags().stream().filter(g -> g.address().equals(addr("A"))).map(Flag::rule))
                .contains(Rule.DIRECT_COUNTERPARTY, Rule.RAPID_PASS_THROUGH, Rule.STRUCTURING);
    }
}
