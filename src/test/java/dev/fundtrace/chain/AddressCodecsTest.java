package dev.fundtrace.chain;

import dev.fundtrace.designation.IraFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressCodecsTest {

    @Test
    void eachFamilyRegistersItsCodec() {
        assertThat(AddressCodecs.registered()).extracting(c -> c.getClass().getName()).containsExactly(
                "dev.fundtrace.chain.ethereum.EvmAddressCodec", "dev.fundtrace.chain.utxo.address.UtxoAddressCodec");
    }

    @Test
    void eachAddressIsShownInItsFamilysForm() {
        assertThat(AddressCodecs.display("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(AddressCodecs.display("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).isEqualTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(AddressCodecs.display("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isEqualTo("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
    }

    @Test
    void all_23_ira_addresses_are_valid_for_their_currency() {
        for (IraFacts.Expected e : IraFacts.ADDRESSES) {
            AddressCheck check = AddressCodecs.check(e.currency(), e.address());
            assertThat(check.valid()).as(e.currency() + " " + e.address() + ": " + check.reason()).isTrue();
            assertThat(check.normalized()).isEqualTo(e.address());
        }
        assertThat(IraFacts.xbt()).hasSize(14);
    }

    @Test
    void eth_with_39_hex_digits_is_refused_with_the_count() {
        AddressCheck check = AddressCodecs.check("ETH", "0xa7e5d5a720f06526557c513402f2e6b5fa20b00");
        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).isEqualTo(
                "ETH address 0xa7e5d5a720f06526557c513402f2e6b5fa20b00 has 39 hex digits, expected 40");
    }

    @Test
    void eth_mixed_case_must_match_eip55() {
        // the EIP-55 form of Lifshits's corrected address, as Cointelegraph printed it
        AddressCheck good = AddressCodecs.check("ETH", "0xA7e5d5A720f06526557c513402f2e6B5fA20b008");
        assertThat(good.valid()).isTrue();
        assertThat(good.normalized()).isEqualTo("0xa7e5d5a720f06526557c513402f2e6b5fa20b008");

        AddressCheck bad = AddressCodecs.check("ETH", "0xa7e5d5A720f06526557c513402f2e6B5fA20b008");
        assertThat(bad.valid()).isFalse();
        assertThat(bad.reason()).startsWith("EIP-55 checksum mismatch").contains("0xA7e5d5A720f06526557c513402f2e6B5fA20b008");
    }

    @Test
    void eth_all_lower_and_all_upper_need_no_checksum() {
        assertThat(AddressCodecs.check("ETH", "0x098b716b8aaf21512996dc57eb0615e2383e2f96").normalized())
                .isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        assertThat(AddressCodecs.check("ETH", "0x098B716B8AAF21512996DC57EB0615E2383E2F96").normalized())
                .isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        assertThat(AddressCodecs.check("ETH", "0x098B716B8Aaf21512996dC57EB0615e2383E2f96").valid()).isTrue();
    }

    @Test
    void eth_needs_prefix_and_hex() {
        assertThat(AddressCodecs.check("ETH", "098b716b8aaf21512996dc57eb0615e2383e2f96").reason()).contains("0x");
        assertThat(AddressCodecs.check("ETH", "0x098b716b8aaf21512996dc57eb0615e2383e2fzz").reason()).contains("non-hex");
        assertThat(AddressCodecs.check("ETH", "").valid()).isFalse();
    }

    @Test
    void xbt_base58check_checksum_and_version_are_enforced() {
        assertThat(AddressCodecs.check("XBT", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").valid()).isTrue();   // P2PKH 0x00
        assertThat(AddressCodecs.check("XBT", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").valid()).isTrue();   // P2SH 0x05
        // one character changed in a real IRA address breaks the double-SHA-256 checksum
        assertThat(AddressCodecs.check("XBT", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhx").reason()).contains("checksum mismatch");
        assertThat(AddressCodecs.check("XBT", "0OIl").reason()).contains("invalid Base58 character");
        // a Litecoin address is valid Base58Check but not a Bitcoin version byte
        assertThat(AddressCodecs.check("XBT", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3").reason()).contains("version 0x30");
        // testnet P2PKH (version 0x6f)
        assertThat(AddressCodecs.check("XBT", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn").valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
            "BC1SW50QGDZ25J",
            "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"})
    void xbt_segwit_mainnet_vectors_from_bip350_are_valid(String address) {
        AddressCheck check = AddressCodecs.check("XBT", address);
        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(check.normalized()).isEqualTo(address.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",   // testnet prefix
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",   // v1 with Bech32 checksum
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",                       // v0 with Bech32m checksum
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",                             // v0 program of 16 bytes
            "bc1gmk9yu"})                                                        // empty data
    void xbt_segwit_invalid_vectors_are_refused(String address) {
        assertThat(AddressCodecs.check("XBT", address).valid()).isFalse();
    }

    @Test
    void other_coins_check_their_own_version_bytes() {
        assertThat(AddressCodecs.check("LTC", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz").valid()).isFalse();
        assertThat(AddressCodecs.check("DASH", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz").valid()).isFalse();
        assertThat(AddressCodecs.check("ZEC", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz").valid()).isFalse();
        assertThat(AddressCodecs.check("BSV", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz").valid()).isTrue();
    }

    @Test
    void currencies_without_a_validator_are_kept_and_say_so() {
        AddressCheck check = AddressCodecs.check("XMR", "4AfUP827TeRZ1cck3tZThgZbRCEwBrpcJTkA1LCiyFVuMH4b5y59bKMZHGb9y58K3gSjWDCBsB4RkGsGDhsmMG5R2qmbLeW");
        assertThat(check.valid()).isTrue();
        assertThat(check.reason()).isEqualTo("not validated for XMR");
    }
}
