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
        assertThat(direct.id()).isEqualTo("G-" + ShortHash.of("DIRECT_COUNTERPARTY|ethereum|ETH|" + addr("A") + "|" + addr("S")));
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

    // UTXO chains: the same engine, through its second entry point

    @Test
    void everyRuleOfTheUtxoTableIsApplied() {
        LabelBook none = LabelBook.empty();
        assertThat(coinRules(CoinDirectCounterpartyRuleTest.sPaysAAndB(), none, List.of())).contains(Rule.DIRECT_COUNTERPARTY);
        assertThat(coinRules(CoinDirectCounterpartyRuleTest.sPaysAAndB(), none, List.of("A"))).contains(Rule.SANCTIONED_COUNTERPARTY);
        assertThat(coinRules(CoinMixerRuleTest.forwardToM(), CoinFixture.labelled("M", "mixer"), List.of())).contains(Rule.MIXER);
        assertThat(coinRules(CoinJoinInteractionRuleTest.aJoins(), none, List.of())).contains(Rule.COINJOIN_INTERACTION);
        assertThat(coinRules(CoinExchangeCashOutRuleTest.throughD(), CoinFixture.labelled("X", "exchange"), List.of()))
                .contains(Rule.EXCHANGE_CASH_OUT);
        var funding = new CoinFixture().seeds("S").services("X")
                .coinbase("cx", 1, CoinFixture.out("X", 1_000_000))
                .tx("x1", 2, CoinFixture.in("cx:0"), CoinFixture.out("S", 990_000));
        assertThat(coinRules(funding, CoinFixture.labelled("X", "exchange"), List.of())).contains(Rule.EXCHANGE_FUNDING);
        assertThat(coinRules(CoinIndirectExposureRuleTest.aPaysB(100_000), none, List.of())).contains(Rule.INDIRECT_EXPOSURE);
        assertThat(coinRules(CoinRapidPassThroughRuleTest.aPasses(3, 900_000, 90_000), none, List.of()))
                .contains(Rule.RAPID_PASS_THROUGH);
        assertThat(coinRules(CoinPeelChainRuleTest.chainOfThree(), none, List.of())).contains(Rule.PEEL_CHAIN);
        assertThat(coinRules(CoinStructuringRuleTest.threeSends(9_500_000, 9_500_000, 9_500_000), none, List.of()))
                .contains(Rule.STRUCTURING);
    }

    @Test
    void utxoFlagsComeInReportOrderWithIdsAndFlowsAsOnAccountChains() {
        FlagResult r = CoinPeelChainRuleTest.chainOfThree().evaluate(LabelBook.empty(), List.of());
        assertThat(r.flags()).extracting(Flag::rule).contains(Rule.DIRECT_COUNTERPARTY, Rule.PEEL_CHAIN);
        assertThat(r.flags()).isSortedAccordingTo(Comparator.comparing(Flag::severity).thenComparing(Flag::rule)
                .thenComparing(Flag::asset).thenComparing(Flag::address));
        Flag direct = r.flags().stream().filter(g -> g.rule() == Rule.DIRECT_COUNTERPARTY).findFirst().orElseThrow();
        assertThat(direct.id()).isEqualTo("G-" + ShortHash.of("DIRECT_COUNTERPARTY|bitcoin|BTC|" + direct.address() + "|" + direct.seed()));
        List<String> named = r.flags().stream().flatMap(g -> g.flowIds().stream()).distinct().toList();
        assertThat(r.flows()).extracting(Flow::id).containsExactlyInAnyOrderElementsOf(named);
        assertThat(r.flows()).allSatisfy(f -> {
            assertThat(f.chain()).isEqualTo("bitcoin");
            assertThat(f.id()).isEqualTo("F-" + ShortHash.of(f.direction().id() + "|bitcoin|BTC|" + f.endpoint()));
        });
    }

    @Test
    void theAccountChainRulesDoNotRunOnAUtxoTraceNorTheUtxoRulesOnAnAccountTrace() {
        var coinOnly = FlagEngine.ofCoinRules(LabelBook.empty(), List.of(new CoinDirectCounterpartyRule()));
        assertThat(coinOnly.evaluate(new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 100).trace().chainTrace(), List.of())
                .flags()).isEmpty();
        var accountOnly = new FlagEngine(LabelBook.empty(), List.of(new DirectCounterpartyRule()));
        assertThat(accountOnly.evaluate(CoinDirectCounterpartyRuleTest.sPaysAAndB().trace(), List.of()).flags()).isEmpty();
    }

    private static List<Rule> coinRules(CoinFixture f, LabelBook labels, List<String> sanctionedNotSeeds) {
        return f.evaluate(labels, sanctionedNotSeeds).flags().stream().map(Flag::rule).toList();
    }
}
