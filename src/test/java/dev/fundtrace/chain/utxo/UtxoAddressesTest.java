package dev.fundtrace.chain.utxo;

import dev.fundtrace.ledger.Chain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtxoAddressesTest {

    private static final String CASH = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
    private static final String LEGACY = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu";

    @Test
    void base58_is_kept_as_written_and_bech32_is_lower_cased() {
        assertThat(UtxoAddresses.canonical(Chain.BITCOIN, "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz")).isEqualTo("12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz");
        assertThat(UtxoAddresses.canonical(Chain.BITCOIN, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
                .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(UtxoAddresses.canonical(Chain.LITECOIN, "LTC1QX88Q7ZJD74LXWGKJMMWLQV5PD3VUJUEHEXFTTT"))
                .isEqualTo("ltc1qx88q7zjd74lxwgkjmmwlqv5pd3vujuehexfttt");
        assertThat(UtxoAddresses.canonical(Chain.DASH, "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4")).isEqualTo("Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4");
    }

    @Test
    void bitcoin_sv_takes_the_legacy_form_and_bitcoin_cash_the_cashaddr() {
        assertThat(UtxoAddresses.canonical(Chain.BITCOINSV, CASH)).isEqualTo(LEGACY);
        assertThat(UtxoAddresses.canonical(Chain.BITCOINSV, CASH.substring(12))).isEqualTo(LEGACY);
        assertThat(UtxoAddresses.canonical(Chain.BITCOINSV, LEGACY)).isEqualTo(LEGACY);
        assertThat(UtxoAddresses.canonical(Chain.BITCOINCASH, LEGACY)).isEqualTo(CASH);
        assertThat(UtxoAddresses.canonical(Chain.BITCOINCASH, CASH.toUpperCase())).isEqualTo(CASH);
        assertThat(UtxoAddresses.canonical(Chain.BITCOINCASH, CASH.substring(12))).isEqualTo(CASH);
        // on Bitcoin a cashaddr is just text
        assertThat(UtxoAddresses.canonical(Chain.BITCOIN, CASH)).isEqualTo(CASH);
    }

    @Test
    void holder_is_one_address_that_is_not_a_nonstandard_pseudo_address() {
        assertThat(UtxoAddresses.holder(new String[]{LEGACY})).isEqualTo(LEGACY);
        assertThat(UtxoAddresses.holder(new String[]{})).isNull();
        assertThat(UtxoAddresses.holder(null)).isNull();
        assertThat(UtxoAddresses.holder(new String[]{LEGACY, "1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR"})).isNull();
        assertThat(UtxoAddresses.holder(new String[]{"nonstandard2c0a2f5a8e4ed8f0bdc8ebd3bde0b0d1e6e5bfc3"})).isNull();
    }
}
