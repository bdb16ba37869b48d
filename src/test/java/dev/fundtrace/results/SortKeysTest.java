package dev.fundtrace.results;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The sort keys of the findings order texts as {@link String#compareTo} does, and the index sort is stable. */
class SortKeysTest {

    @Test
    void addressesCompareAsTheirTextWhetherHexOrNot() {
        Random r = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // hex addresses sharing long prefixes, other forms (Base58, Bech32, upper case hex), empty and null
            String hex = String.format("0x%040x", r.nextInt(50));
            texts.add(switch (i % 6) {
                case 0, 1 -> hex.substring(0, 41) + "0123456789abcdef".charAt(r.nextInt(16));
                case 2 -> hex.toUpperCase().replace("0X", "0x");
                case 3 -> "1" + Long.toString(r.nextLong() >>> 1, 36);
                case 4 -> "bc1q" + Long.toString(r.nextInt(1000), 36);
                default -> i % 12 == 5 ? "" : hex;
            });
        }
        ByteArena arena = new ByteArena();
        texts.forEach(arena::add);
        for (int a = 0; a < texts.size(); a++) {
            for (int b = 0; b < texts.size(); b++) {
                assertThat(Integer.signum(arena.compare(a, b))).as(texts.get(a) + " vs " + texts.get(b))
                        .isEqualTo(Integer.signum(texts.get(a).compareTo(texts.get(b))));
            }
        }
    }

    @Test
    void theIndexSortIsStable() {
        Random r = new Random(11);
        int[] keys = new int[5000];
        for (int i = 0; i < keys.length; i++) keys[i] = r.nextInt(40);
        int[] sorted = IndexSort.sorted(keys.length, (a, b) -> Integer.compare(keys[a], keys[b]));
        Integer[] expected = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) expected[i] = i;
        Arrays.sort(expected, Comparator.comparingInt(i -> keys[i])); // stable too
        assertThat(sorted).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void textCodesRankInTextOrderWithNullFirst() {
        TextCodes codes = new TextCodes();
        int b = codes.code("b"), a = codes.code("a"), c = codes.code("c");
        assertThat(codes.code("b")).isEqualTo(b);
        assertThat(codes.rank(a)).isLessThan(codes.rank(b));
        assertThat(codes.rank(b)).isLessThan(codes.rank(c));
        assertThat(codes.rank(codes.code(null))).isLessThan(codes.rank(a));
    }

    @Test
    void aSpoolGivesItsRecordsBackInAnyOrderAndDeletesItsFile() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("spool");
        RecordSpool spool = RecordSpool.create(dir, "test");
        RecordBytes b = new RecordBytes();
        for (int i = 0; i < 1000; i++) {
            b.reset();
            b.writeInt(i).writeString("record " + i).writeString(i % 3 == 0 ? null : "x".repeat(i % 50));
            assertThat(spool.add(b)).isEqualTo(i);
        }
        spool.seal();
        for (int i = 999; i >= 0; i -= 7) {
            RecordReader in = new RecordReader(spool.record(i));
            assertThat(in.readInt()).isEqualTo(i);
            assertThat(in.readString()).isEqualTo("record " + i);
            assertThat(in.readString()).isEqualTo(i % 3 == 0 ? null : "x".repeat(i % 50));
        }
        spool.close();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
