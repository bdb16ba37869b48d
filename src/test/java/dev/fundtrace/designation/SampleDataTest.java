package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's sample-data/ofac files: both forms must give the nightly job the same seeds. */
class SampleDataTest {

    private static final Path SAMPLE = Path.of("sample-data", "ofac");

    private final DesignationReader reader = new DesignationReader();

    /** A designation without the file it came from, which differs between the two forms by design. */
    record Seed(String subject, String uid, List<String> programs, String currency, String chain, String address) {}

    @Test
    void sdn_advanced_and_legacy_csv_agree() {
        DesignationFile advanced = reader.read(SAMPLE.resolve("sdn_advanced.xml"));
        DesignationFile legacy = reader.read(SAMPLE.resolve("sdn.csv"));

        assertThat(advanced.format()).isEqualTo(DesignationFormat.SDN_ADVANCED_XML);
        assertThat(legacy.format()).isEqualTo(DesignationFormat.SDN_CSV);
        assertThat(advanced.rejections()).isEmpty();
        assertThat(legacy.rejections()).isEmpty();
        assertThat(seeds(advanced)).hasSize(24).containsExactlyInAnyOrderElementsOf(seeds(legacy));
    }

    @Test
    void samples_hold_the_ira_staff_and_lazarus_only_as_address_holders() {
        DesignationFile legacy = reader.read(SAMPLE.resolve("sdn.csv"));
        assertThat(IraFacts.iraOf(legacy)).containsExactlyInAnyOrderElementsOf(IraFacts.ADDRESSES);
        assertThat(legacy.designations()).extracting(Designation::sdnUid).doesNotContain("29745", "29366", "23943");
        assertThat(legacy.designations()).filteredOn(d -> d.sdnUid().equals("27307")).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("LAZARUS GROUP");
            assertThat(d.programs()).containsExactly("DPRK3");
            assertThat(d.address()).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        });
    }

    private static List<Seed> seeds(DesignationFile file) {
        return file.designations().stream()
                .map(d -> new Seed(d.subject(), d.sdnUid(), d.programs(), d.currency(), d.chain(), d.address()))
                .collect(Collectors.toList());
    }
}
