package dev.fundtrace.designation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads OFAC SDN_ADVANCED.XML. Every ID in it (feature types, name part types, sanctions types) is
 * resolved through ReferenceValueSets by its text, never hard-coded: OFAC renumbers between releases.
 * The file is walked once; reference tables, parties and sanctions entries are joined at the end.
 */
final class SdnAdvancedXmlParser {

    private SdnAdvancedXmlParser() {}

    /** One DistinctParty/Profile as found, with IDs still unresolved. */
    private static final class Party {
        final String uid;
        String primaryDocumentedNameId;
        final List<String[]> nameParts = new ArrayList<>();       // {NamePartGroupID, value}
        final Map<String, String> groupTypes = new HashMap<>();   // NamePartGroup ID -> NamePartTypeID
        final List<Feature> features = new ArrayList<>();

        Party(String uid) { this.uid = uid; }
    }

    private record Feature(String typeId, String value, long line) {}

    private record Measure(String typeId, String comment) {}

    /** Reference tables, by ID. */
    private static final class References {
        final Map<String, String> featureTypes = new HashMap<>();
        final Map<String, String> namePartTypes = new HashMap<>();
        final Map<String, String> sanctionsTypes = new HashMap<>();
    }

    static DesignationFile parse(Path file) {
        DesignationCollector out = new DesignationCollector(file.getFileName().toString());
        References refs = new References();
        List<Party> parties = new ArrayList<>();
        Map<String, List<Measure>> measures = new LinkedHashMap<>();
        String[] issued = new String[3]; // DateOfIssue: year, month, day
        try (XmlCursor xml = new XmlCursor(file)) {
            String fixedRef = null;
            Party party = null;
            boolean primaryIdentity = false;
            boolean primaryAlias = false;
            String documentedNameId = null;
            String featureTypeId = null;
            String measureProfile = null;
            String measureType = null;
            while (xml.nextStart()) {
                switch (xml.name()) {
                    case "Year", "Month", "Day" -> {
                        if (xml.parent().equals("DateOfIssue")) issued["YMD".indexOf(xml.name().charAt(0))] = xml.text();
                    }
                    case "FeatureType" -> { if (xml.parent().equals("FeatureTypeValues")) refs.featureTypes.put(xml.attr("ID"), xml.text()); }
                    case "NamePartType" -> { if (xml.parent().equals("NamePartTypeValues")) refs.namePartTypes.put(xml.attr("ID"), xml.text()); }
                    case "SanctionsType" -> { if (xml.parent().equals("SanctionsTypeValues")) refs.sanctionsTypes.put(xml.attr("ID"), xml.text()); }
                    case "DistinctParty" -> fixedRef = xml.attr("FixedRef");
                    case "Profile" -> {
                        String id = xml.attr("ID");
                        parties.add(party = new Party(id != null ? id : fixedRef));
                        featureTypeId = null;
                    }
                    case "Identity" -> primaryIdentity = "true".equalsIgnoreCase(xml.attr("Primary"));
                    case "Alias" -> primaryAlias = "true".equalsIgnoreCase(xml.attr("Primary"));
                    case "DocumentedName" -> {
                        documentedNameId = xml.attr("ID");
                        // the first name written for the primary alias is the SDN name; later ones are other scripts
                        if (party != null && primaryIdentity && primaryAlias && party.primaryDocumentedNameId == null) {
                            party.primaryDocumentedNameId = documentedNameId;
                        }
                    }
                    case "NamePartValue" -> {
                        if (party != null && documentedNameId != null && documentedNameId.equals(party.primaryDocumentedNameId)) {
                            party.nameParts.add(new String[] {xml.attr("NamePartGroupID"), xml.text()});
                        }
                    }
                    case "NamePartGroup" -> { if (party != null) party.groupTypes.put(xml.attr("ID"), xml.attr("NamePartTypeID")); }
                    case "Feature" -> featureTypeId = xml.attr("FeatureTypeID");
                    case "VersionDetail" -> {
                        if (party != null && featureTypeId != null) {
                            long line = xml.line();
                            party.features.add(new Feature(featureTypeId, xml.text(), line));
                        }
                    }
                    case "SanctionsEntry" -> measureProfile = xml.attr("ProfileID");
                    case "SanctionsMeasure" -> measureType = xml.attr("SanctionsTypeID");
                    case "Comment" -> {
                        if (measureProfile != null && xml.parent().equals("SanctionsMeasure")) {
                            measures.computeIfAbsent(measureProfile, k -> new ArrayList<>()).add(new Measure(measureType, xml.text()));
                        }
                    }
                    default -> { }
                }
            }
        }
        for (Party p : parties) {
            var who = new DesignationCollector.Party(name(p, refs), p.uid, programs(measures.get(p.uid), refs));
            for (Feature f : p.features) {
                String currency = DigitalCurrency.tickerOf(refs.featureTypes.get(f.typeId()));
                if (currency != null && !f.value().isEmpty()) out.add(who, currency, f.value(), f.line());
            }
        }
        return out.result(DesignationFormat.SDN_ADVANCED_XML).with(issueDate(issued), List.of(file));
    }

    /**
     * Renders the primary name like sdn.csv ("LAST, First Middle") when the parts' types resolve to
     * a Last Name; otherwise (entities, vessels, unresolvable types) joins the parts with spaces.
     */
    private static String name(Party p, References refs) {
        List<String> last = new ArrayList<>();
        List<String> first = new ArrayList<>();
        List<String> middle = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String[] part : p.nameParts) {
            all.add(part[1]);
            String type = refs.namePartTypes.getOrDefault(p.groupTypes.getOrDefault(part[0], ""), "");
            switch (type.toLowerCase(Locale.ROOT)) {
                case "last name" -> last.add(part[1]);
                case "first name" -> first.add(part[1]);
                default -> middle.add(part[1]);
            }
        }
        if (last.isEmpty() || last.size() == all.size()) return String.join(" ", all);
        List<String> given = new ArrayList<>(first);
        given.addAll(middle);
        return String.join(" ", last) + ", " + String.join(" ", given);
    }

    /** Program tags are the Comments of measures typed "Program"; without a type table, every Comment. */
    private static List<String> programs(List<Measure> measures, References refs) {
        if (measures == null) return List.of();
        Set<String> programs = new LinkedHashSet<>();
        for (Measure m : measures) {
            boolean program = refs.sanctionsTypes.isEmpty()
                    || "Program".equalsIgnoreCase(refs.sanctionsTypes.getOrDefault(m.typeId(), ""));
            if (program && !m.comment().isBlank()) programs.add(m.comment());
        }
        return List.copyOf(programs);
    }

    /** DateOfIssue's Year, Month and Day as yyyy-MM-dd; kept as written when they are not a date. */
    static PublishDate issueDate(String[] ymd) {
        if (ymd[0] == null) return PublishDate.notStated();
        try {
            return new PublishDate(java.time.LocalDate.of(Integer.parseInt(ymd[0].strip()), Integer.parseInt(ymd[1].strip()),
                    Integer.parseInt(ymd[2].strip())).toString(), "DateOfIssue");
        } catch (RuntimeException e) {
            return new PublishDate(ymd[0] + "-" + ymd[1] + "-" + ymd[2], "DateOfIssue");
        }
    }
}
