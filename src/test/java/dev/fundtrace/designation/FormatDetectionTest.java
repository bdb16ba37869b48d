package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The format comes from the content; the file name is only used in messages. */
class FormatDetectionTest {

    private final DesignationReader reader = new DesignationReader();

    @Test
    void every_format_is_recognised_under_a_misleading_name(@TempDir Path dir) throws IOException {
        assertThat(readAs(dir, "sdn_advanced.xml", "export.txt").format()).isEqualTo(DesignationFormat.SDN_ADVANCED_XML);
        assertThat(readAs(dir, "SDN.XML", "list.csv").format()).isEqualTo(DesignationFormat.SDN_XML);
        assertThat(readAs(dir, "2024-05-02/sdn.csv", "sdn.xml").format()).isEqualTo(DesignationFormat.SDN_CSV);
        assertThat(readAs(dir, "sdn_advanced_un_namespace.xml", "old").format()).isEqualTo(DesignationFormat.SDN_ADVANCED_XML);
    }

    @Test
    void a_watchlist_header_is_found_in_any_case_and_order(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("watch.txt"), """
                Subject,CURRENCY,Address
                "LAZARUS GROUP",eth,0x098B716B8Aaf21512996dC57EB0615e2383E2f96
                """);
        DesignationFile read = reader.read(file);
        assertThat(read.format()).isEqualTo(DesignationFormat.WATCHLIST_CSV);
        assertThat(read.designations()).singleElement().satisfies(d -> {
            assertThat(d.currency()).isEqualTo("ETH");
            assertThat(d.address()).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
            assertThat(d.sourceFile()).isEqualTo("watch.txt");
        });
    }

    @Test
    void unknown_content_is_refused_with_file_and_reason(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.csv"), "name,comment\nfoo,bar\n");
        assertThatThrownBy(() -> reader.read(text)).isInstanceOf(DesignationFileException.class)
                .hasMessageStartingWith("notes.csv: unknown format");

        Path html = Files.writeString(dir.resolve("page.xml"), "<html><body>Access denied</body></html>");
        assertThatThrownBy(() -> reader.read(html)).isInstanceOf(DesignationFileException.class)
                .hasMessageContaining("page.xml").hasMessageContaining("root element <html>");

        Path empty = Files.writeString(dir.resolve("empty.csv"), "\r\n");
        assertThatThrownBy(() -> reader.read(empty)).hasMessage("empty.csv: file is empty");

        assertThatThrownBy(() -> reader.read(dir.resolve("missing.xml"))).isInstanceOf(DesignationFileException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void malformed_xml_is_refused(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("cut.xml"),
                Files.readString(IraFacts.fixture("SDN.XML")).substring(0, 2000));
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(DesignationFileException.class)
                .hasMessageStartingWith("cut.xml: not well-formed XML");
    }

    private DesignationFile readAs(Path dir, String fixture, String name) throws IOException {
        return reader.read(Files.copy(IraFacts.fixture(fixture), dir.resolve(name)));
    }
}
