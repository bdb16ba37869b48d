package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** OFAC SDN_ADVANCED.XML: IDs resolved through ReferenceValueSets, names from the primary alias. */
class SdnAdvancedXmlReadingTest {

    private final DesignationReader reader = new DesignationReader();

    @Test
    void the_23_ira_addresses_come_out_of_sdn_advanced() {
        DesignationFile file = reader.read(IraFacts.fixture("sdn_advanced.xml"));

        assertThat(file.format()).isEqualTo(DesignationFormat.SDN_ADVANCED_XML);
        assertThat(file.rejections()).isEmpty();
        assertThat(IraFacts.iraOf(file)).containsExactlyInAnyOrderElementsOf(IraFacts.ADDRESSES);
        assertThat(file.designations()).filteredOn(d -> !d.sdnUid().equals("27307"))
                .allSatisfy(d -> assertThat(d.programs()).containsExactlyElementsOf(IraFacts.PROGRAMS));
        assertThat(file.designations()).noneMatch(d -> d.sdnUid().equals("29745"));
    }

    @Test
    void entity_name_parts_are_joined_and_programs_come_from_program_measures() {
        DesignationFile file = reader.read(IraFacts.fixture("sdn_advanced.xml"));
        assertThat(file.designations()).filteredOn(d -> d.sdnUid().equals("27307")).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("LAZARUS GROUP");
            assertThat(d.programs()).containsExactly("DPRK3");
            assertThat(d.address()).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        });
    }

    @Test
    void the_old_un_org_namespace_is_read_too() {
        DesignationFile file = reader.read(IraFacts.fixture("sdn_advanced_un_namespace.xml"));
        assertThat(file.format()).isEqualTo(DesignationFormat.SDN_ADVANCED_XML);
        assertThat(file.designations()).hasSize(6).allMatch(d -> d.subject().equals(IraFacts.LIFSHITS));
    }

    @Test
    void feature_type_ids_are_resolved_by_text_not_hard_coded(@TempDir Path dir) throws IOException {
        // renumber XBT from 344 to 9344 everywhere: the reader must still find the addresses
        String xml = Files.readString(IraFacts.fixture("sdn_advanced.xml"))
                .replace("ID=\"344\"", "ID=\"9344\"").replace("FeatureTypeID=\"344\"", "FeatureTypeID=\"9344\"");
        DesignationFile file = reader.read(Files.writeString(dir.resolve("renumbered.xml"), xml));
        assertThat(IraFacts.iraOf(file)).containsExactlyInAnyOrderElementsOf(IraFacts.ADDRESSES);
    }

    @Test
    void same_address_twice_under_one_currency_is_kept_once_but_under_two_currencies_twice(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("dedupe.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
                  <ReferenceValueSets>
                    <FeatureTypeValues>
                      <FeatureType ID="345" FeatureTypeGroupID="1">Digital Currency Address - ETH</FeatureType>
                      <FeatureType ID="766" FeatureTypeGroupID="1">Digital Currency Address - ETC</FeatureType>
                    </FeatureTypeValues>
                  </ReferenceValueSets>
                  <DistinctParties>
                    <DistinctParty FixedRef="99999">
                      <Profile ID="99999" PartySubTypeID="3">
                        <Identity ID="1" FixedRef="99999" Primary="true" False="false">
                          <Alias FixedRef="99999" AliasTypeID="1403" Primary="true" LowQuality="false">
                            <DocumentedName ID="2" FixedRef="99999" DocNameStatusID="1">
                              <DocumentedNamePart><NamePartValue NamePartGroupID="3">TEST</NamePartValue></DocumentedNamePart>
                              <DocumentedNamePart><NamePartValue NamePartGroupID="4">PARTY</NamePartValue></DocumentedNamePart>
                            </DocumentedName>
                          </Alias>
                        </Identity>
                        <Feature ID="10" FeatureTypeID="345"><FeatureVersion ID="11"><VersionDetail>0x098B716B8Aaf21512996dC57EB0615e2383E2f96</VersionDetail></FeatureVersion></Feature>
                        <Feature ID="12" FeatureTypeID="345"><FeatureVersion ID="13"><VersionDetail>0x098b716b8aaf21512996dc57eb0615e2383e2f96</VersionDetail></FeatureVersion></Feature>
                        <Feature ID="14" FeatureTypeID="766"><FeatureVersion ID="15"><VersionDetail>0x098B716B8Aaf21512996dC57EB0615e2383E2f96</VersionDetail></FeatureVersion></Feature>
                      </Profile>
                    </DistinctParty>
                  </DistinctParties>
                </Sanctions>
                """);

        DesignationFile read = reader.read(file);

        assertThat(read.designations()).extracting(Designation::currency).containsExactly("ETH", "ETC");
        assertThat(read.designations()).allSatisfy(d -> {
            assertThat(d.subject()).isEqualTo("TEST PARTY");   // no name part types: joined with spaces
            assertThat(d.programs()).isEmpty();
        });
        assertThat(read.designations().get(1).chain()).isNull();
    }

    @Test
    void an_invalid_version_detail_is_rejected_with_its_line(@TempDir Path dir) throws IOException {
        String xml = Files.readString(IraFacts.fixture("sdn_advanced.xml"))
                .replace("0x901bb9583b24d97e995513c6778dc6888ab6870e", "0x901bb9583b24D97e995513c6778dc6888ab6870e");
        Path file = Files.writeString(dir.resolve("sdn_advanced.xml"), xml);

        DesignationFile read = reader.read(file);

        assertThat(read.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("sdn_advanced.xml");
            assertThat(r.line()).isEqualTo(SdnXmlReadingTest.lineOf(xml, "0x901bb9583b24D97e"));
            assertThat(r.reason()).contains("EIP-55 checksum mismatch");
        });
        assertThat(read.designations()).hasSize(23);
    }
}
