package dev.fundtrace.rules;

import dev.fundtrace.trace.coin.CoinJoinShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * COINJOIN_INTERACTION: a tainted CoinJoin-shaped transaction. The planted one: A (paid by the seed S), P and Q each
 * spend a coin into three equal outputs of 1,000,000 sat and two changes (n_in 3, n_out 5, p 3).
 */
class CoinJoinInteractionRuleTest {

    private final CoinJoinInteractionRule rule = new CoinJoinInteractionRule();

    private static CoinFixture funded() {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 10_000_000))
                .coinbase("cp", 1, out("P", 2_000_000))
                .coinbase("cq", 1, out("Q", 2_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 5_000_000), out("S", 4_990_000));
    }

    static CoinFixture aJoins() {
        return funded().tx("cj", 3, in("t1:0", "cp:0", "cq:0"),
                out("X", 1_000_000), out("Y", 1_000_000), out("Z", 1_000_000), out("A2", 3_990_000), out("P2", 990_000));
    }

    @Test
    void firesAtTheHolderOfTheTaintedInputWithTheCoinJoinAsEvidence() {
        List<Flag> flags = aJoins().flags(rule);
        assertThat(flags).hasSize(1);
        Flag f = flags.get(0);
        assertThat(f.rule()).isEqualTo(Rule.COINJOIN_INTERACTION);
        assertThat(f.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(f.address()).isEqualTo("A");
        assertThat(f.seed()).isEqualTo("S");
        assertThat(f.hops()).isEqualTo(1);
        assertThat(f.flowIds()).containsExactly("F-" + ShortHash.of("forward|bitcoin|BTC|A"));
        assertThat(f.evidence()).containsExactly(txid("cj"));
        assertThat(f.explanation()).contains("in a CoinJoin-shaped transaction");
    }

    @Test
    void aSeedSpendingItsOwnCoinIsFlaggedWithoutAFlow() {
        var f = funded().tx("cj", 3, in("t1:1", "cp:0", "cq:0"),
                out("X", 1_000_000), out("Y", 1_000_000), out("Z", 1_000_000), out("A2", 3_980_000), out("P2", 990_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).address()).isEqualTo("S");
        assertThat(flags.get(0).seed()).isEqualTo("S");
        assertThat(flags.get(0).hops()).isZero();
        assertThat(flags.get(0).flowIds()).isEmpty();
        assertThat(flags.get(0).evidence()).containsExactly(txid("cj"));
    }

    @Test
    void everyCoinJoinOfTheAddressIsEvidenceInOrder() {
        var f = funded().tx("t1b", 2, in("t1:1"), out("A", 4_980_000))
                .coinbase("cr", 2, out("R", 2_000_000)).coinbase("cs", 2, out("T", 2_000_000))
                .tx("cj", 3, in("t1:0", "cp:0", "cq:0"),
                        out("X", 1_000_000), out("Y", 1_000_000), out("Z", 1_000_000), out("A2", 3_990_000), out("P2", 990_000))
                .tx("cj2", 4, in("t1b:0", "cr:0", "cs:0"),
                        out("X", 500_000), out("Y", 500_000), out("Z", 500_000), out("R2", 1_000_000), out("A3", 3_000_000));
        List<Flag> flags = f.flags(rule);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).evidence()).containsExactly(txid("cj"), txid("cj2"));
        assertThat(flags.get(0).explanation()).contains("2 CoinJoin-shaped transactions");
    }

    @Test
    void quietOnTwoOutputs() {
        var f = funded().tx("cj", 3, in("t1:0", "cp:0", "cq:0"), out("X", 4_500_000), out("Y", 4_480_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void quietOnMixedValues() {
        var f = funded().tx("cj", 3, in("t1:0", "cp:0", "cq:0"),
                out("X", 1_000_000), out("Y", 1_000_001), out("Z", 1_000_002), out("A2", 3_990_000), out("P2", 990_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void quietWhenNoInputPasses() {
        // the same CoinJoin shape, spending only clean coins
        var f = funded().coinbase("cr", 2, out("R", 5_000_000)).tx("cj", 3, in("cr:0", "cp:0", "cq:0"),
                out("X", 1_000_000), out("Y", 1_000_000), out("Z", 1_000_000), out("A2", 3_990_000), out("P2", 990_000));
        assertThat(f.flags(rule)).isEmpty();
    }

    @Test
    void quietBeyondTheHorizon() {
        assertThat(aJoins().maxHops(1).flags(rule)).isEmpty();
        assertThat(aJoins().maxHops(2).flags(rule)).hasSize(1);
    }

    @Test
    void anAddresslessPassingInputIsNoFlag() {
        var f = new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 10_000_000))
                .coinbase("cp", 1, out("P", 2_000_000))
                .coinbase("cq", 1, out("Q", 2_000_000))
                .coinbase("cr", 1, out("R", 2_000_000))
                .tx("t1", 2, in("cb:0"), out(null, 5_000_000), out("S", 4_990_000))
                .tx("cj", 3, in("t1:0", "cp:0", "cq:0", "cr:0"), // three distinct holders besides the addressless coin
                        out("X", 1_000_000), out("Y", 1_000_000), out("Z", 1_000_000), out("A2", 3_990_000), out("P2", 990_000));
        assertThat(CoinJoinShape.test(f.ledger(), 5)).isTrue(); // cj, the sixth transaction, is CoinJoin-shaped
        assertThat(f.flags(rule)).isEmpty();
    }
}
