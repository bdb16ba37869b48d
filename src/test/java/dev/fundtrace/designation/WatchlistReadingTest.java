package dev.fundtrace.designation;

import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** In-house watchlist CSV: address,currency,subject[,source]. */
class WatchlistReadingTest {

    @Test
    void rows_become_designations_and_bad_addresses_rejections(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("watchlist.csv"), """
                address,currency,subject,source
                0x098b716b8aaf21512996dc57eb0615e2383e2f96,ETH,LAZARUS GROUP,analyst note 12
                0x098B716B8AAF21512996DC57EB0615E2383E2F96,ETH,LAZARUS GROUP (upper),
                0x098b716B8Aaf21512996dC57EB0615e2383E2f96,ETH,BAD CHECKSUM,
                1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3,XBT,"ANDREYEV, Anton Nikolaeyvich",
                ,ETH,NO ADDRESS,
                """);

        DesignationFile read = new DesignationReader().read(file);

        assertThat(read.designations()).extracting(Designation::subject)
                .containsExactly("LAZARUS GROUP", "LAZARUS GROUP (upper)", "ANDREYEV, Anton Nikolaeyvich");
        assertThat(read.designations()).allSatisfy(d -> {
            assertThat(d.sdnUid()).isNull();
            assertThat(d.programs()).isEmpty();
        });
        assertThat(read.designations().get(0).sourceFile()).isEqualTo("analyst note 12");
        assertThat(read.designations().get(1).sourceFile()).isEqualTo("watchlist.csv");
        assertThat(read.designations().get(2).chain()).isEqualTo("bitcoin"); // XBT: traced on bitcoin when a job loads it
        assertThat(read.rejections()).extracting(Rejection::line).containsExactly(4L, 6L);
        assertThat(read.rejections().get(0).reason()).contains("BAD CHECKSUM").contains("EIP-55 checksum mismatch");
        assertThat(read.rejections().get(0).message()).startsWith("watchlist.csv:4: ");
    }
}
