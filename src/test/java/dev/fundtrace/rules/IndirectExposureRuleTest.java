package dev.fundtrace.rules;

import dev.fundtrace.labels.LabelBook;
import dev.fundtrace.trace.AssetTrace;
import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.LedgerFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.rules.RuleTesting.INDIRECT_MIN;
import static dev.fundtrace.rules.RuleTesting.flags;
import static dev.fundtrace.rules.RuleTesting.labelled;
import static dev.fundtrace.trace.LedgerFixture.TOKEN;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static dev.fundtrace.trace.LedgerFixture.txHash;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * INDIRECT_EXPOSURE: an unlabelled address at hop >= 2 with haircut taint at least the minimum (100 wei here).
 * The planted flow: S pays A 500 wei, all of A's balance, and A pays B; B's taint is what A sent it.
 */
class IndirectExposureRuleTest {

    private final IndirectExposureRule rule = new IndirectExposureRule(Map.of("ETH", INDIRECT_MIN));

    static LedgerFixture aPaysB(long amount) {
        return new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 500).tx(11, 0, "A", "B", amount);
    }

    @Test
    void firesAtHopTwoAtTheMinimum() {
        List<Flag> flags = flags(rule, aPaysB(100));
        assertThat(flags).hasSize(1); // A, at hop 1, is DIRECT_COUNTERPARTY's
        Flag f = flags.get(0);
        assertThat(f.address()).isEqualTo(addr("B"));
        assertThat(f.severity()).isEqualTo(Rule.Severity.MEDIUM);
        assertThat(f.hops()).isEqualTo(2);
        assertThat(f.evidence()).containsExactly(txHash(10, 0), txHash(11, 0));
        assertThat(f.explanation()).contains("received about 0.0000000000000001 ETH of designated funds (haircut) 2 hops away");
    }

    @Test
    void quietBelowTheMinimum() {
        assertThat(flags(rule, aPaysB(99))).isEmpty();
    }

    @Test
    void quietAtHopOneWhateverTheAmount() {
        var f = new LedgerFixture().seeds("S").tx(10, 0, "S", "A", 5_000);
        assertThat(flags(rule, f)).isEmpty();
    }

    @Test
    void quietForALabelledAddressButNotForAnUnlabelledService() {
        assertThat(flags(rule, aPaysB(100).services("B"), labelled("B", "exchange"))).isEmpty();
        assertThat(flags(rule, aPaysB(100).services("B"), LabelBook.empty())).hasSize(1);
    }

    @Test
    void taintMustBeAboveZeroEvenWithAMinimumOfZero() {
        var zeroMinimum = new IndirectExposureRule(Map.of("ETH", BigDecimal.ZERO));
        LedgerFixture f = aPaysB(0); // B is reached by a transfer that moves nothing
        assertThat(forwardHop(f.trace().chainTrace(), "B")).isEqualTo(2);
        assertThat(flags(zeroMinimum, f)).isEmpty();
        assertThat(flags(zeroMinimum, aPaysB(1))).hasSize(1);
    }

    @Test
    void anAssetWithoutAMinimumNeverFires() {
        var token = new LedgerFixture().seeds("S").token(TOKEN, 10, 0, "S", "A", 500).token(TOKEN, 11, 0, "A", "B", 500);
        assertThat(flags(rule, token)).isEmpty();
        var byContract = new IndirectExposureRule(Map.of(TOKEN, new BigDecimal(500))); // unknown decimals: raw units
        assertThat(flags(byContract, token)).extracting(Flag::address).containsExactly(addr("B"));
    }

    private static int forwardHop(ChainTrace trace, String name) {
        AssetTrace eth = trace.assets().get(0);
        return eth.forward().hop(trace.local(eth, addr(name)));
    }
}
