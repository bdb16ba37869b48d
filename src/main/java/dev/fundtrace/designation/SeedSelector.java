package dev.fundtrace.designation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks the seeds of a trace from all loaded designations, as the job file's designations.select says. */
public final class SeedSelector {

    private SeedSelector() {}

    /**
     * Selects designations by OR: one is selected when its uid is in {@code uids}, OR its subject
     * equals one of {@code names} (trimmed, case-insensitive, the full SDN name), OR any of its
     * programs is in {@code programs} (case-insensitive). When all three lists are empty (or null), every designation
     * is selected. Order of {@code all} is kept.
     */
    public static List<Designation> select(List<Designation> all, List<String> uids, List<String> names,
                                           List<String> programs) {
        Set<String> uidSet = normalize(uids, false);
        Set<String> nameSet = normalize(names, true);
        Set<String> programSet = normalize(programs, true);
        if (uidSet.isEmpty() && nameSet.isEmpty() && programSet.isEmpty()) return List.copyOf(all);
        return all.stream()
                .filter(d -> (d.sdnUid() != null && uidSet.contains(d.sdnUid().trim()))
                        || (d.subject() != null && nameSet.contains(d.subject().trim().toLowerCase(Locale.ROOT)))
                        || d.programs().stream().anyMatch(p -> programSet.contains(p.trim().toLowerCase(Locale.ROOT))))
                .toList();
    }

    private static Set<String> normalize(List<String> values, boolean lowerCase) {
        if (values == null) return Set.of();
        return values.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(v -> lowerCase ? v.toLowerCase(Locale.ROOT) : v)
                .collect(Collectors.toSet());
    }
}
