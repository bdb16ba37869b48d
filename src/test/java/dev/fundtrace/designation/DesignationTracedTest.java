package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A designation's currency picks its chain; it is traced when the run loads that chain, and said why when not. */
class DesignationTracedTest {

    private static Designation of(String currency, String chain, String address) {
        return new Designation("ANDREYEV, Anton Nikolaeyvich", "29703", List.of("CYBER2"), currency, chain, address, "sdn.xml");
    }

    @Test
    void aZcashTAddressIsTracedWhenTheJobLoadsZcash() {
        var d = of("ZEC", "zcash", "t1eapNmGCyyjqFLL4Kx3SoxgYD4PiGDuKw6");
        assertThat(d.traced(Set.of("zcash"))).isTrue();
        assertThat(d.notTracedReason(Set.of("ethereum"))).isEqualTo("the job loads no zcash ledger");
    }

    @Test
    void aShieldedZcashAddressIsKeptButNeverTraced() {
        var d = of("ZEC", "zcash", "zs1z7rejlpsa98s2rrrfkwmaxu53e4ue0ulcrw0h4x5g8jl04tak0d3mm47vdtahatqrlkngh9slya");
        assertThat(d.traced(Set.of("zcash"))).isFalse();
        assertThat(d.notTracedReason(Set.of("zcash"))).contains("shielded");
    }

    @Test
    void aCurrencyWithoutAChainIsNotTraced() {
        assertThat(of("XMR", null, "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx").notTracedReason(Set.of("ethereum")))
                .isEqualTo("fundtrace traces no XMR chain");
    }
}
