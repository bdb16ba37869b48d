package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A segment file reads back what was written; a cut-short file is not complete, a damaged one fails its checksum. */
class SegmentFileTest {

    @TempDir
    Path dir;

    private Path written() {
        Path file = dir.resolve("seg.ftl");
        SegmentFile.write(builder(), file);
        return file;
    }

    @Test
    void aFullDiskNamesTheSegmentAndSaysSo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/full")), "/dev/full (Linux)");
        Path file = dir.resolve("full.ftl");
        // the segment is written under this temporary name first: on Linux every write to /dev/full fails with ENOSPC
        java.nio.file.Files.createSymbolicLink(dir.resolve("full.ftl.tmp"), Path.of("/dev/full"));
        assertThatThrownBy(() -> SegmentFile.write(builder(), file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write ledger segment " + file + ": no space left on device");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("full.ftl.tmp")).as("no part-written temporary file left").doesNotExist();
    }

    private static SegmentBuilder builder() {
        SegmentBuilder b = new SegmentBuilder(Chain.ETHEREUM);
        for (int i = 0; i < 1000; i++) {
            b.add(new Transfer(Chain.ETHEREUM, "ETH", String.format("0x%064x", i), 100 + i / 10, i % 10, 0,
                    Instant.ofEpochSecond(1_600_000_000L + i / 10 * 12), String.format("0x%040x", i % 37),
                    String.format("0x%040x", 100 + i % 53), i == 7 ? BigInteger.TWO.pow(200) : BigInteger.valueOf(i + 1),
                    TransferKind.NATIVE));
        }
        return b;
    }

    @Test
    void roundTrip() {
        Path file = written();
        assertThat(SegmentFile.looksComplete(file)).isTrue();
        Segment s = SegmentFile.read(file);
        ChainLedger l = ChainLedger.of(Chain.ETHEREUM, java.util.List.of(s));
        assertThat(l.size()).isEqualTo(1000);
        assertThat(l.transfer(7).amount()).isEqualTo(BigInteger.TWO.pow(200));
        assertThat(l.transfer(999).txHash()).isEqualTo(String.format("0x%064x", 999));
    }

    @Test
    void cutShortIsNotComplete() throws Exception {
        Path file = written();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        assertThat(SegmentFile.looksComplete(file)).isFalse();
        assertThat(SegmentFile.looksComplete(dir.resolve("missing.ftl"))).isFalse();
    }

    @Test
    void damagedFailsItsChecksumNamingTheFile() throws Exception {
        Path file = written();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, 5000);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            ch.write(one, 5000);
        }
        assertThat(SegmentFile.looksComplete(file)).isTrue();
        assertThatThrownBy(() -> SegmentFile.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("seg.ftl").hasMessageContaining("checksum");
    }
}
