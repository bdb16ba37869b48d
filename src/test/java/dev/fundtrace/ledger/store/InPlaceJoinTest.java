package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a parallel load are joined in the first part's columns and dictionary when it has room: the
 * ledger is the one a join into new columns gives, and the first part's segment file, written after the join
 * took over its dictionary, still holds only that part's addresses and rows.
 */
class InPlaceJoinTest {

    @TempDir
    Path dir;

    @Test
    void joinInTheFirstPartEqualsAJoinIntoNewColumns() {
        SegmentBuilder first = part(new SegmentBuilder(Chain.ETHEREUM, 16, 400), 0);
        SegmentBuilder second = part(new SegmentBuilder(Chain.ETHEREUM, 16), 1);
        List<Transfer> firstRows = rows(ChainLedger.of(Chain.ETHEREUM, List.of(first.toSegment(true))));

        ChainLedger inPlace = join(first, second);

        Path firstFile = dir.resolve("first.ftl"), secondFile = dir.resolve("second.ftl");
        SegmentFile.write(first, firstFile); // as a late store thread would
        SegmentFile.write(second, secondFile);
        Segment firstRead = SegmentFile.read(firstFile);
        ChainLedger copied = ChainLedger.of(Chain.ETHEREUM, List.of(firstRead, SegmentFile.read(secondFile)));

        assertThat(inPlace.size()).isEqualTo(first.size() + second.size());
        assertThat(rows(inPlace)).containsExactlyElementsOf(rows(copied));
        assertThat(inPlace.addresses().size()).isEqualTo(copied.addresses().size()).isGreaterThan(firstRead.addressCount());
        assertThat(firstRead.addressCount()).isEqualTo(37 + 53);
        assertThat(rows(ChainLedger.of(Chain.ETHEREUM, List.of(firstRead)))).containsExactlyElementsOf(firstRows);
    }

    @Test
    void aFirstPartWithoutRoomIsJoinedIntoNewColumns() {
        SegmentBuilder first = part(new SegmentBuilder(Chain.ETHEREUM, 16), 0);
        SegmentBuilder second = part(new SegmentBuilder(Chain.ETHEREUM, 16), 1);
        List<Transfer> expected = new ArrayList<>(rows(ChainLedger.of(Chain.ETHEREUM, List.of(first.toSegment(true)))));
        expected.addAll(rows(ChainLedger.of(Chain.ETHEREUM, List.of(second.toSegment(true)))));

        ChainLedger joined = join(first, second);

        assertThat(rows(joined)).containsExactlyElementsOf(expected);
    }

    /** What {@link LedgerStore#inMemory} does with a load's parts. */
    private static ChainLedger join(SegmentBuilder first, SegmentBuilder second) {
        first.seal();
        second.seal();
        return ChainLedger.of(Chain.ETHEREUM, List.of(first.toSegment(false), second.toSegment(false)), first.addresses());
    }

    /** 150 transfers; the two parts share some addresses, the second has a token and a 200-bit amount. */
    private static SegmentBuilder part(SegmentBuilder b, int part) {
        for (int i = 0; i < 150; i++) {
            String asset = part == 1 && i % 5 == 0 ? "0x00000000000000000000000000000000000000aa" : "ETH";
            BigInteger amount = part == 1 && i == 7 ? BigInteger.TWO.pow(200) : BigInteger.valueOf(1000 * part + i + 1);
            b.add(new Transfer(Chain.ETHEREUM, asset, String.format("0x%064x", 1000 * part + i), 100 + 20 * part + i / 10,
                    i % 10, 0, Instant.ofEpochSecond(1_600_000_000L + (20 * part + i / 10) * 12L),
                    String.format("0x%040x", 50 * part + i % 37), String.format("0x%040x", 500 + 50 * part + i % 53),
                    amount, i % 11 == 0 ? TransferKind.REVERTED : TransferKind.NATIVE));
        }
        return b;
    }

    private static List<Transfer> rows(ChainLedger l) {
        return IntStream.range(0, l.size()).mapToObj(l::transfer).toList();
    }
}
