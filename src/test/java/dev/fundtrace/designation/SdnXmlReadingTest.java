package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** OFAC SDN.XML: sdnEntry / idList / id with idType "Digital Currency Address - XXX". */
class SdnXmlReadingTest {

    private final DesignationReader reader = new DesignationReader();

    @Test
    void the_23_ira_addresses_come_out_of_sdn_xml() {
        DesignationFile file = reader.read(IraFacts.fixture("SDN.XML"));

        assertThat(file.format()).isEqualTo(DesignationFormat.SDN_XML);
        assertThat(file.rejections()).isEmpty();
        assertThat(IraFacts.iraOf(file)).containsExactlyInAnyOrderElementsOf(IraFacts.ADDRESSES);
        assertThat(file.designations()).filteredOn(d -> IraFacts.PROGRAMS.equals(d.programs())).hasSize(23);
        assertThat(file.designations()).noneMatch(d -> d.sdnUid().equals("29745"));
    }

    @Test
    void entity_names_come_from_last_name_and_eth_is_lower_cased() {
        DesignationFile file = reader.read(IraFacts.fixture("SDN.XML"));
        assertThat(file.designations()).filteredOn(d -> d.sdnUid().equals("27307")).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("LAZARUS GROUP");
            assertThat(d.programs()).containsExactly("DPRK3");
            assertThat(d.address()).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
            assertThat(d.chain()).isEqualTo("ethereum");
            assertThat(d.sourceFile()).isEqualTo("SDN.XML");
        });
    }

    @Test
    void an_invalid_id_is_rejected_with_the_line_of_its_element(@TempDir Path dir) throws IOException {
        String xml = Files.readString(IraFacts.fixture("SDN.XML"))
                .replace("0xa7e5d5a720f06526557c513402f2e6b5fa20b008", "0xa7e5d5a720f06526557c513402f2e6b5fa20b00");
        Path file = Files.writeString(dir.resolve("SDN.XML"), xml);
        int expectedLine = lineOf(xml, "0xa7e5d5a720f06526557c513402f2e6b5fa20b00");

        DesignationFile read = reader.read(file);

        assertThat(read.designations()).hasSize(23);   // 22 IRA + Lazarus
        assertThat(read.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(expectedLine);
            assertThat(r.reason()).contains("has 39 hex digits, expected 40");
        });
    }

    static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).lines().count();
    }
}
