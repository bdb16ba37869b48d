package dev.fundtrace.chain.ethereum;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** EIP-55's own test vectors, and agreement with web3j's implementation on random addresses. */
class Eip55Test {

    @Test
    void specificationVectors() {
        for (String a : new String[]{"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
            assertThat(Eip55.checksum(a.toLowerCase(Locale.ROOT))).isEqualTo(a);
        }
    }

    @Test
    void agreesWithWeb3j() {
        SplittableRandom r = new SplittableRandom(55);
        for (int i = 0; i < 500; i++) {
            String a = String.format("0x%016x%016x%08x", r.nextLong(), r.nextLong(), r.nextInt());
            assertThat(Eip55.checksum(a)).isEqualTo(Keys.toChecksumAddress(a));
        }
    }
}
