package dev.fundtrace.designation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeedSelectorTest {

    private final List<Designation> all = new DesignationReader().read(IraFacts.fixture("sdn_advanced.xml")).designations();

    @Test
    void nothing_given_selects_everything() {
        assertThat(SeedSelector.select(all, List.of(), List.of(), List.of())).hasSize(24).isEqualTo(all);
        assertThat(SeedSelector.select(all, null, null, null)).hasSize(24);
    }

    @Test
    void by_uid() {
        assertThat(SeedSelector.select(all, List.of("29702"), List.of(), List.of()))
                .hasSize(6).allMatch(d -> d.subject().equals(IraFacts.LIFSHITS));
    }

    @Test
    void by_exact_name_case_insensitive_and_trimmed() {
        assertThat(SeedSelector.select(all, List.of(), List.of("  andreyev, anton nikolaeyvich "), List.of())).hasSize(17);
        // names are exact: a shortened name selects nobody
        assertThat(SeedSelector.select(all, List.of(), List.of("ANDREYEV, Anton"), List.of())).isEmpty();
    }

    @Test
    void by_program() {
        assertThat(SeedSelector.select(all, List.of(), List.of(), List.of("CYBER2"))).hasSize(23)
                .noneMatch(d -> d.sdnUid().equals("27307"));
        assertThat(SeedSelector.select(all, List.of(), List.of(), List.of("DPRK3"))).singleElement()
                .extracting(Designation::subject).isEqualTo("LAZARUS GROUP");
    }

    @Test
    void criteria_are_ored() {
        assertThat(SeedSelector.select(all, List.of("27307"), List.of(IraFacts.LIFSHITS), List.of())).hasSize(7);
        assertThat(SeedSelector.select(all, List.of("29702"), List.of(), List.of("ELECTION-EO13848"))).hasSize(23);
        assertThat(SeedSelector.select(all, List.of("00000"), List.of("NOBODY"), List.of("NONE"))).isEmpty();
    }
}
