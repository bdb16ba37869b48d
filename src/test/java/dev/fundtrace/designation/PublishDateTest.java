package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The list's publish date comes from the file itself; a format that has none says so. */
class PublishDateTest {

    @TempDir
    Path dir;

    private final DesignationReader reader = new DesignationReader();

    @Test
    void sdnAdvancedXmlStatesItsDateOfIssue() throws Exception {
        Path file = Files.writeString(dir.resolve("sdn_advanced.xml"), Files.readString(IraFacts.fixture("sdn_advanced.xml"))
                .replace("<Year>2020</Year><Month>9</Month><Day>10</Day>", "<Year>2026</Year><Month>5</Month><Day>21</Day>"));
        DesignationFile read = reader.read(file);
        assertThat(read.publishDate()).isEqualTo(new PublishDate("2026-05-21", "DateOfIssue"));
        assertThat(read.filesRead()).containsExactly(file);
        assertThat(reader.read(IraFacts.fixture("sdn_advanced.xml")).publishDate().date()).isEqualTo("2020-09-10");
    }

    @Test
    void sdnXmlStatesItsPublishDateInMonthDayYear() throws Exception {
        Path file = Files.writeString(dir.resolve("SDN.XML"), Files.readString(IraFacts.fixture("SDN.XML"))
                .replace("<Publish_Date>09/10/2020</Publish_Date>", "<Publish_Date>05/19/2023</Publish_Date>"));
        assertThat(reader.read(file).publishDate()).isEqualTo(new PublishDate("2023-05-19", "publshInformation/Publish_Date"));
        Path odd = Files.writeString(dir.resolve("odd.xml"), Files.readString(file).replace("05/19/2023", "19 May 2023"));
        assertThat(reader.read(odd).publishDate().date()).as("kept as written").isEqualTo("19 May 2023");
    }

    @Test
    void sdnCsvStatesNoDateAndItsCommentsFileIsReadToo() throws Exception {
        Path sdn = Files.copy(IraFacts.fixture("2024-05-02/sdn.csv"), dir.resolve("sdn.csv"));
        Path comments = Files.copy(IraFacts.fixture("2024-05-02/sdn_comments.csv"), dir.resolve("sdn_comments.csv"));
        DesignationFile read = reader.read(sdn);
        assertThat(read.publishDate()).isEqualTo(new PublishDate(null, "not stated in the file"));
        assertThat(read.filesRead()).containsExactly(sdn, comments.toAbsolutePath());
    }

    @Test
    void aWatchlistStatesNoDate() throws Exception {
        Path list = Files.writeString(dir.resolve("watchlist.csv"),
                "address,currency,subject\n0x901bb9583b24d97e995513c6778dc6888ab6870e,ETH,LIFSHITS\n");
        assertThat(reader.read(list).publishDate().statedIn()).isEqualTo(PublishDate.NOT_STATED);
        assertThat(reader.read(list).filesRead()).containsExactly(list);
    }
}
