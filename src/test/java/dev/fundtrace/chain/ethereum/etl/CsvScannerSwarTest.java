package dev.fundtrace.chain.ethereum.etl;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eight-bytes-at-a-time searches give the same answers as a byte-by-byte loop, at every offset; the one-pass
 * split of a line gives the fields that finding its end and then splitting it gives.
 */
class CsvScannerSwarTest {

    private static int naiveLineEnd(byte[] b, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (b[i] == '"') quoted = !quoted;
            else if (b[i] == '\n' && !quoted) return i;
        }
        return -1;
    }

    private static int naiveComma(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != ',') i++;
        return i;
    }

    @Test
    void sameAsByteByByte() {
        SplittableRandom r = new SplittableRandom(8);
        byte[] alphabet = {'a', '0', ',', '"', '\n', '\r', (byte) 0x8A, (byte) 0xAC, 0x0B, 0x2D, 0x21, 0x09};
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[r.nextInt(1, 80)];
            int rare = r.nextInt(1, 40); // from dense to sparse special bytes
            for (int i = 0; i < b.length; i++) b[i] = r.nextInt(rare) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) 'x';
            int from = r.nextInt(b.length), to = r.nextInt(from, b.length + 1);
            assertThat(CsvScanner.nextLineEnd(b, from, to)).isEqualTo(naiveLineEnd(b, from, to));
            assertThat(CsvScanner.nextComma(b, from, to)).isEqualTo(naiveComma(b, from, to));
        }
    }

    @Test
    void onePassSplitSameAsFindingTheEndThenSplitting() {
        SplittableRandom r = new SplittableRandom(9);
        byte[] alphabet = {',', ',', ',', '"', '\n', '\r', 0x1A, (byte) 0xAC, 0x2D};
        CsvRow fast = new CsvRow(), reference = new CsvRow();
        for (int round = 0; round < 50_000; round++) {
            byte[] b = new byte[r.nextInt(1, 200)];
            int rare = r.nextInt(1, 30);
            boolean quotes = r.nextInt(4) == 0;
            for (int i = 0; i < b.length; i++) {
                byte c = r.nextInt(rare) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) 'x';
                b[i] = c == '"' && !quotes ? (byte) 'y' : c;
            }
            int from = r.nextInt(b.length), to = r.nextInt(from, b.length + 1);
            int end = CsvScanner.splitLine(b, from, to, fast);
            int expectedEnd = CsvScanner.nextLineEnd(b, from, to);
            assertThat(end).isEqualTo(expectedEnd);
            if (end < 0) continue;
            CsvScanner.split(b, from, end > from && b[end - 1] == '\r' ? end - 1 : end, reference);
            assertThat(fast.fields).isEqualTo(reference.fields);
            for (int f = 0; f < fast.fields; f++) {
                assertThat(fast.start[f]).isEqualTo(reference.start[f]);
                assertThat(fast.end[f]).isEqualTo(reference.end[f]);
            }
        }
    }
}
