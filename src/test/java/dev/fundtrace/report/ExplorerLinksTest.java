package dev.fundtrace.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExplorerLinksTest {

    static final String TX = "0x" + "ab".repeat(32), ADDRESS = "0x901bb9583b24d97e995513c6778dc6888ab6870e";

    @Test
    void publicLinksGoToEachChainsPublicExplorer() {
        assertThat(ExplorerLinks.PUBLIC.tx("ethereum", TX)).isEqualTo("https://etherscan.io/tx/" + TX);
        assertThat(ExplorerLinks.PUBLIC.address("bitcoin", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"))
                .isEqualTo("https://mempool.space/address/1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
        assertThat(ExplorerLinks.PUBLIC.tx("no-such-chain", TX)).isNull();
    }

    @Test
    void offLinksNothing() {
        assertThat(ExplorerLinks.NONE.tx("ethereum", TX)).isNull();
        assertThat(ExplorerLinks.NONE.address("ethereum", ADDRESS)).isNull();
    }

    @Test
    void aSelfHostedExplorerFillsItsTemplatesAndLinksNoOtherChain() {
        ExplorerLinks links = ExplorerLinks.of(Map.of("ethereum",
                new ExplorerLinks.Templates("https://eth.internal/search?q={txid}&kind=tx", null)));
        assertThat(links.tx("ethereum", TX)).isEqualTo("https://eth.internal/search?q=" + TX + "&kind=tx");
        assertThat(links.address("ethereum", ADDRESS)).as("no address template").isNull();
        assertThat(links.tx("bitcoin", "ab".repeat(32))).as("a chain not named is not linked").isNull();
        // whatever a value holds, it cannot change the URL's shape
        assertThat(links.tx("ethereum", "a&b=c/../d e")).isEqualTo("https://eth.internal/search?q=a%26b%3Dc%2F..%2Fd+e&kind=tx");
    }
}
