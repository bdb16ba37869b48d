package dev.fundtrace.chain.utxo.address;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodecs;
import dev.fundtrace.designation.IraFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UtxoAddressCodecTest {

    @Test
    void the_20_designated_utxo_addresses_are_valid_for_their_currency() {
        List<IraFacts.Expected> utxo = IraFacts.ADDRESSES.stream().filter(e -> !e.currency().equals("ETH")).toList();
        assertThat(utxo).hasSize(20);
        assertThat(utxo.stream().map(IraFacts.Expected::currency).distinct()).containsExactlyInAnyOrder("XBT", "LTC", "DASH", "ZEC", "BSV");
        assertThat(utxo.stream().filter(e -> e.currency().equals("XBT"))).hasSize(14);
        for (IraFacts.Expected e : utxo) {
            AddressCheck check = AddressCodecs.check(e.currency(), e.address());
            assertThat(check.valid()).as(e.currency() + " " + e.address() + ": " + check.reason()).isTrue();
            assertThat(check.reason()).isNull();
            assertThat(check.normalized()).isEqualTo(e.address());
        }
    }

    @Test
    void a_litecoin_address_listed_as_xbt_is_invalid() {
        AddressCheck check = AddressCodecs.check("XBT", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3");
        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("version 0x30");
        assertThat(AddressCodecs.check("DASH", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3").valid()).isFalse();
        assertThat(AddressCodecs.check("LTC", "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4").valid()).isFalse();
    }

    @Test
    void bsv_accepts_cashaddr_and_reports_the_legacy_form() {
        String bsv = "12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9";
        String cash = CashAddr.fromLegacy(bsv);
        assertThat(cash).startsWith("bitcoincash:q");
        assertThat(AddressCodecs.check("BSV", cash).normalized()).isEqualTo(bsv);
        assertThat(AddressCodecs.check("BSV", cash.substring("bitcoincash:".length())).normalized()).isEqualTo(bsv);
        assertThat(AddressCodecs.check("BSV", bsv).normalized()).isEqualTo(bsv);
        AddressCheck broken = AddressCodecs.check("BSV", cash.substring(0, cash.length() - 1) + "q");
        assertThat(broken.valid()).isFalse();
        assertThat(broken.reason()).contains("checksum");
        // XBT takes no cashaddr
        assertThat(AddressCodecs.check("XBT", cash).valid()).isFalse();
    }

    @Test
    void bch_reports_the_prefixed_cashaddr() {
        assertThat(AddressCodecs.check("BCH", "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu").normalized())
                .isEqualTo("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a");
        assertThat(AddressCodecs.check("BCH", "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a").normalized())
                .isEqualTo("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a");
        assertThat(AddressCodecs.check("BCH", "BITCOINCASH:PPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVN0H829PQ").normalized())
                .isEqualTo("bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq");
        assertThat(AddressCodecs.check("BCH", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3").valid()).isFalse();
    }

    @Test
    void dogecoin_checks_versions_1e_and_16() {
        // real P2PKH outputs of bitcoin-etl's dogecoin test export (block 107212)
        assertThat(AddressCodecs.check("DOGE", "DLrPBnddK81Tn7YStmKVAhqfxYexZFJymq").valid()).isTrue();
        assertThat(AddressCodecs.check("DOGE", "DPsvwvYRgt66ntxno9mMuBfwhg9nAMmGrD").valid()).isTrue();
        byte[] p2sh = HexFormat.of().parseHex("16" + "751e76e8199196d454941c45d1b3a323f1433bd6");
        String dogeP2sh = Base58Check.encode(p2sh);
        assertThat(AddressCodecs.check("DOGE", dogeP2sh).valid()).as(dogeP2sh).isTrue();
        assertThat(AddressCodecs.check("DOGE", "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu").reason()).contains("version 0x00");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "zs1z7rejlpsa98s2rrrfkwmaxu53e4ue0ulcrw0h4x5g8jl04tak0d3mm47vdtahatqrlkngh9sly",
            "zcBqWB8VDjVER7uLKb4oHp2v54v2a1jKd9o4FY7mdgQ3gDfG8MiZLvdQga8RcCSFNxhcKqyHWMq3SxpwkT8XbfGxi7FgqNe",
            "u1qpmhdxvnxcpl6dyy4g0w8rv9jmkekjq40nydwhzs3lcvc7xrgzyhhvg2pj8qy0f0g6uxrrjzmw8rpf4ry9qgd8dgzr4"})
    void zcash_shielded_addresses_are_kept_unchecked(String address) {
        AddressCheck check = AddressCodecs.check("ZEC", address);
        assertThat(check.valid()).isTrue();
        assertThat(check.normalized()).isEqualTo(address);
        assertThat(check.reason()).contains("shielded");
    }

    @Test
    void other_z_texts_are_not_shielded_addresses() {
        assertThat(AddressCodecs.check("ZEC", "zx1notanaddress").valid()).isFalse();
        assertThat(AddressCodecs.check("ZEC", "t3Vz22vK5z2LcKEdg16Yv4FFneEL1zg9ojd").valid()).isTrue();
    }

    @Test
    void litecoin_segwit_is_lower_cased() {
        assertThat(AddressCodecs.check("LTC", "LTC1QX88Q7ZJD74LXWGKJMMWLQV5PD3VUJUEHEXFTTT").normalized())
                .isEqualTo("ltc1qx88q7zjd74lxwgkjmmwlqv5pd3vujuehexfttt");
    }
}
