package dev.fundtrace.designation;

import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** Legacy sdn.csv, as OFAC publishes it: CRLF, trailing 0x1A, "-0- " nulls, remarks cut at 1000 characters. */
class SdnCsvReadingTest {

    private final DesignationReader reader = new DesignationReader();

    @Test
    void the_23_ira_addresses_come_out_of_sdn_csv_joined_with_sdn_comments() {
        DesignationFile file = reader.read(IraFacts.fixture("2024-05-02/sdn.csv"));

        assertThat(file.format()).isEqualTo(DesignationFormat.SDN_CSV);
        assertThat(file.rejections()).isEmpty();
        assertThat(IraFacts.iraOf(file)).containsExactlyInAnyOrderElementsOf(IraFacts.ADDRESSES);
        assertThat(file.designations()).hasSize(23)
                .allSatisfy(d -> {
                    assertThat(d.programs()).containsExactlyElementsOf(IraFacts.PROGRAMS);
                    assertThat(d.sourceFile()).isEqualTo("sdn.csv");
                    assertThat(d.chain()).isEqualTo(dev.fundtrace.ledger.Chain.ofCurrency(d.currency()).id()); // every IRA currency has its chain
                });
    }

    @Test
    void aslanova_and_derkach_have_no_addresses() {
        DesignationFile file = reader.read(IraFacts.fixture("2024-05-02/sdn.csv"));
        assertThat(file.designations()).noneMatch(d -> d.sdnUid().equals("29745") || d.sdnUid().equals("29366"));
    }

    @Test
    void andreyev_eth_lives_across_the_1000_character_cut(@TempDir Path dir) throws IOException {
        // without sdn_comments.csv the remarks stop at "Digital Currency Addres": 12 XBT only, no ETH
        Path alone = Files.copy(IraFacts.fixture("2024-05-02/sdn.csv"), dir.resolve("sdn.csv"));
        DesignationFile cut = reader.read(alone);
        assertThat(cut.designations()).filteredOn(d -> d.sdnUid().equals("29703")).hasSize(12)
                .allMatch(d -> d.currency().equals("XBT"));

        DesignationFile joined = reader.read(IraFacts.fixture("2024-05-02/sdn.csv"));
        assertThat(joined.designations()).filteredOn(d -> d.sdnUid().equals("29703")).hasSize(17)
                .anyMatch(d -> d.currency().equals("ETH") && d.address().equals("0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"));
    }

    @Test
    void the_39_hex_lifshits_address_of_2021_is_rejected_and_the_rest_kept() {
        DesignationFile file = reader.read(IraFacts.fixture("2021-08-18/sdn.csv"));

        assertThat(file.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("sdn.csv");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("LIFSHITS, Artem Mikhaylovich (29702)")
                    .contains("ETH address 0xa7e5d5a720f06526557c513402f2e6b5fa20b00 has 39 hex digits, expected 40");
            assertThat(r.record()).contains("0xa7e5d5a720f06526557c513402f2e6b5fa20b00");
        });
        assertThat(file.designations()).hasSize(22);
        assertThat(file.designations()).filteredOn(d -> d.sdnUid().equals("29702"))
                .extracting(Designation::address)
                .containsExactly("12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz", "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U",
                        "0x901bb9583b24d97e995513c6778dc6888ab6870e", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3",
                        "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4");
    }

    @Test
    void fixture_keeps_ofac_byte_layout() throws IOException {
        byte[] bytes = Files.readAllBytes(IraFacts.fixture("2024-05-02/sdn.csv"));
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x1A);
        assertThat(new String(bytes)).contains("\r\n").contains(",-0- ,");
    }

    @Test
    void a_row_with_broken_quoting_is_rejected_and_reading_goes_on(@TempDir Path dir) throws IOException {
        Path sdn = dir.resolve("sdn.csv");
        byte[] real = Files.readAllBytes(IraFacts.fixture("2024-05-02/sdn.csv"));
        // drop the final 0x1A, add a broken row and a short row, then the marker again
        Files.write(sdn, java.util.Arrays.copyOf(real, real.length - 1));
        Files.writeString(sdn, "99001,\"BROKEN \"QUOTE\" ROW\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "99002,\"SHORT ROW\"\r\n\u001A", StandardOpenOption.APPEND);
        Files.copy(IraFacts.fixture("2024-05-02/sdn_comments.csv"), dir.resolve("sdn_comments.csv"));

        DesignationFile file = reader.read(sdn);

        assertThat(file.designations()).hasSize(23);
        assertThat(file.rejections()).extracting(Rejection::line).containsExactly(5L, 6L);
        assertThat(file.rejections().get(0).reason()).startsWith("CSV quoting problem");
        assertThat(file.rejections().get(1).reason()).isEqualTo("expected 12 fields, found 2");
    }
}
