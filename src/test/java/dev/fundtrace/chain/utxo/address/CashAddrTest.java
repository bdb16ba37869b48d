package dev.fundtrace.chain.utxo.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of the cashaddr specification (upgradespecs.bitcoincashnode.org/cashaddr). */
class CashAddrTest {

    @ParameterizedTest
    @CsvSource({
            "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu, bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
            "1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR, bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy",
            "16w1D5WRVKJuZUsSRzdLp9w3YGcgoxDXb, bitcoincash:qqq3728yw0y47sqn6l2na30mcw6zm78dzqre909m2r",
            "3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC, bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq",
            "3LDsS579y7sruadqu11beEJoTjdFiFCdX4, bitcoincash:pr95sy3j9xwd2ap32xkykttr4cvcu7as4yc93ky28e",
            "31nwvkZwyPdgzjBJZXfDmSWsC4ZLKpYyUw, bitcoincash:pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37"})
    void legacy_and_cashaddr_translate_both_ways(String legacy, String cashaddr) {
        assertThat(CashAddr.fromLegacy(legacy)).isEqualTo(cashaddr);
        CashAddr.Decoded d = CashAddr.decode(cashaddr);
        assertThat(d.ok()).as(d.error()).isTrue();
        assertThat(d.type()).isEqualTo(legacy.startsWith("1") ? 0 : 1);
        assertThat(CashAddr.toLegacy(d)).isEqualTo(legacy);
        // the prefix is optional, and an all-upper-case address is the same address
        assertThat(CashAddr.toLegacy(CashAddr.decode(cashaddr.substring("bitcoincash:".length())))).isEqualTo(legacy);
        assertThat(CashAddr.toLegacy(CashAddr.decode(cashaddr.toUpperCase()))).isEqualTo(legacy);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "prefix:x64nx6hz",
            "p:gpf8m4h7",
            "bitcoincash:qpzry9x8gf2tvdw0s3jn54khce6mua7lcw20ayyn",
            "bchtest:testnetaddress4d6njnut",
            "bchreg:555555555555555555555555555555555555555555555udxmlmrz"})
    void checksum_vectors_hold(String text) {
        assertThat(CashAddr.checksumOk(text)).isTrue();
    }

    @Test
    void a_changed_character_a_foreign_prefix_or_mixed_case_is_refused() {
        assertThat(CashAddr.decode("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c").error()).contains("checksum");
        assertThat(CashAddr.decode("bchtest:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a").error()).contains("prefix");
        assertThat(CashAddr.decode("bitcoincash:Qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a").error()).contains("case");
        assertThat(CashAddr.decode("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdxba").ok()).isFalse();
    }

    @Test
    void the_real_bitcoin_cash_row_address_has_a_legacy_twin() {
        // output of coinbase e3bf3d…b468 in bitcoin-etl's bitcoin_cash test export
        CashAddr.Decoded d = CashAddr.decode("bitcoincash:qzkddwa6hgh03skr4qsrygk7e087zjydxgqkpjnsw7");
        assertThat(d.ok()).isTrue();
        String legacy = CashAddr.toLegacy(d);
        assertThat(legacy).startsWith("1");
        assertThat(CashAddr.fromLegacy(legacy)).isEqualTo("bitcoincash:qzkddwa6hgh03skr4qsrygk7e087zjydxgqkpjnsw7");
    }
}
