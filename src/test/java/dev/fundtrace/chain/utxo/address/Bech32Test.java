package dev.fundtrace.chain.utxo.address;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of BIP-173 and BIP-350. */
class Bech32Test {

    private static final List<String> VALID_BECH32 = List.of(
            "A12UEL5L",
            "a12uel5l",
            "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
            "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
            "?1ezyfcl");

    private static final List<String> VALID_BECH32M = List.of(
            "A1LQFN3A",
            "a1lqfn3a",
            "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
            "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
            "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
            "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
            "?1v759aa");

    private static final List<String> INVALID_BECH32 = List.of(
            " 1nwldj5", "\u007f1axkwrx", "\u00801eym55h",
            "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
            "pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\u00ff", "A1G7SGD8", "10a06t8", "1qzzfhee");

    private static final List<String> INVALID_BECH32M = List.of(
            " 1xj0phk", "\u007f1g6xzxy", "\u00801vctc34",
            "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
            "qyrz8wqd2c9m", "1qyrz8wqd2c9m", "y1b0jsk6g", "lt1igcx5c0", "in1muywd", "mm1crxm3i", "au1s5cgom",
            "M1VUXWEZ", "16plkw9", "1p2gdwpf");

    /** Address and its scriptPubKey (version opcode, push length, program). */
    private static final List<String[]> VALID_ADDRESSES = List.of(
            new String[] {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"},
            new String[] {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
                    "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"},
            new String[] {"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
                    "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"},
            new String[] {"BC1SW50QGDZ25J", "6002751e"},
            new String[] {"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"},
            new String[] {"tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
                    "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
            new String[] {"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
                    "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
            new String[] {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
                    "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"});

    private static final List<String> INVALID_ADDRESSES = List.of(
            "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
            "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
            "bc1pw5dgrnzv",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
            "bc1gmk9yu");

    @Test
    void valid_checksums_decode_with_their_variant() {
        for (String s : VALID_BECH32) {
            assertThat(Bech32.decode(s)).as(s).isNotNull().extracting(Bech32.Decoded::encoding).isEqualTo(Bech32.Encoding.BECH32);
        }
        for (String s : VALID_BECH32M) {
            assertThat(Bech32.decode(s)).as(s).isNotNull().extracting(Bech32.Decoded::encoding).isEqualTo(Bech32.Encoding.BECH32M);
        }
    }

    @Test
    void invalid_checksums_do_not_decode_as_their_variant() {
        for (String s : INVALID_BECH32) {
            Bech32.Decoded d = Bech32.decode(s);
            assertThat(d == null || d.encoding() != Bech32.Encoding.BECH32).as(s).isTrue();
        }
        for (String s : INVALID_BECH32M) {
            Bech32.Decoded d = Bech32.decode(s);
            assertThat(d == null || d.encoding() != Bech32.Encoding.BECH32M).as(s).isTrue();
        }
    }

    @Test
    void valid_segwit_addresses_give_the_expected_script() {
        for (String[] v : VALID_ADDRESSES) {
            String hrp = v[0].toLowerCase().startsWith("tb") ? "tb" : "bc";
            Bech32.Segwit s = Bech32.decodeSegwit(hrp, v[0]);
            assertThat(s.ok()).as(v[0] + ": " + s.error()).isTrue();
            byte[] program = s.program();
            byte[] script = new byte[program.length + 2];
            script[0] = (byte) (s.version() == 0 ? 0 : 0x50 + s.version());
            script[1] = (byte) program.length;
            System.arraycopy(program, 0, script, 2, program.length);
            assertThat(HexFormat.of().formatHex(script)).as(v[0]).isEqualTo(v[1]);
        }
    }

    @Test
    void invalid_segwit_addresses_fail_for_both_networks() {
        for (String a : INVALID_ADDRESSES) {
            assertThat(Bech32.decodeSegwit("bc", a).ok()).as(a).isFalse();
            assertThat(Bech32.decodeSegwit("tb", a).ok()).as(a).isFalse();
        }
    }
}
