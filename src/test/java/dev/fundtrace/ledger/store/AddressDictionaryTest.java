package dev.fundtrace.ledger.store;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Interning in groups gives the same ids as interning one by one, across many rehashes and repeats. */
class AddressDictionaryTest {

    @Test
    void groupsAndOneByOneAgree() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        long[] words = new long[3 * n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(n / 3); // repeats, as real transfers repeat addresses
            words[3 * i] = k * 0x9E3779B97F4A7C15L;
            words[3 * i + 1] = k;
            words[3 * i + 2] = k & 0xFFFFFFFFL;
        }
        AddressDictionary one = new AddressDictionary();
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) expected[i] = one.intern(words[3 * i], words[3 * i + 1], words[3 * i + 2]);
        // grouped, from the smallest table and from one sized ahead (as a merge does): same ids
        for (AddressDictionary grouped : new AddressDictionary[]{new AddressDictionary(), new AddressDictionary(n / 3)}) {
            int[] got = new int[n];
            grouped.internAll(words, n, got);
            assertThat(got).isEqualTo(expected);
            assertThat(grouped.size()).isEqualTo(one.size());
            for (int id = 0; id < one.size(); id++) assertThat(grouped.hex(id)).isEqualTo(one.hex(id));
            for (int id = 0; id < one.size(); id++) {
                assertThat(grouped.find(one.word(id, 0), one.word(id, 1), one.word(id, 2))).isEqualTo(id);
            }
        }
    }
}
