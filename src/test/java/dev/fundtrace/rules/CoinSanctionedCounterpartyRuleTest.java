package dev.fundtrace.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fundtrace.rules.CoinFixture.in;
import static dev.fundtrace.rules.CoinFixture.out;
import static dev.fundtrace.rules.CoinFixture.txid;
import static org.assertj.core.api.Assertions.assertThat;

/** SANCTIONED_COUNTERPARTY on a UTXO chain: a reached address on the chain's sanctions list, not a seed. */
class CoinSanctionedCounterpartyRuleTest {

    private final CoinSanctionedCounterpartyRule rule = new CoinSanctionedCounterpartyRule();

    private static CoinFixture ledger() {
        return new CoinFixture().seeds("S")
                .coinbase("cb", 1, out("S", 100_000_000))
                .tx("t1", 2, in("cb:0"), out("A", 99_990_000))
                .tx("t2", 3, in("t1:0"), out("B", 99_980_000))
                .coinbase("cf", 4, out("F", 1_000_000))
                .tx("f1", 5, in("cf:0"), out("S", 990_000))
                .coinbase("cn", 6, out("N", 1_000));
    }

    @Test
    void firesOnAReachedSanctionedAddressInEitherDirection() {
        List<Flag> flags = ledger().flags(rule, dev.fundtrace.labels.LabelBook.empty(), List.of("B", "F"));
        assertThat(flags).extracting(Flag::address).containsExactly("B", "F");
        Flag b = flags.get(0);
        assertThat(b.severity()).isEqualTo(Rule.Severity.HIGH);
        assertThat(b.hops()).isEqualTo(2);
        assertThat(b.evidence()).containsExactly(txid("t1"), txid("t2"));
        assertThat(b.explanation()).contains("is itself on the sanctions list").contains("2 hop(s) away");
        assertThat(flags.get(1).explanation()).contains("funded a designated address 1 hop(s) away");
    }

    @Test
    void quietOnAnUnreachedSanctionedAddressAndOnSeeds() {
        assertThat(ledger().flags(rule, dev.fundtrace.labels.LabelBook.empty(), List.of("N", "S", "unknown"))).isEmpty();
        assertThat(ledger().flags(rule)).isEmpty();
    }
}
