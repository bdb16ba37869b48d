package dev.fundtrace.designation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads OFAC SDN.XML: sdnList / sdnEntry / idList / id with idType "Digital Currency Address - XXX". */
final class SdnXmlParser {

    private SdnXmlParser() {}

    private static final class Entry {
        String uid;
        String firstName;
        String lastName;
        final List<String> programs = new ArrayList<>();
        final List<Id> ids = new ArrayList<>();
    }

    private static final class Id {
        final long line;
        String type;
        String number;

        Id(long line) { this.line = line; }
    }

    static DesignationFile parse(Path file) {
        DesignationCollector out = new DesignationCollector(file.getFileName().toString());
        List<Entry> entries = new ArrayList<>();
        String published = null;
        try (XmlCursor xml = new XmlCursor(file)) {
            Entry entry = null;
            Id id = null;
            while (xml.nextStart()) {
                switch (xml.name()) {
                    case "Publish_Date" -> { if (xml.parent().equals("publshInformation")) published = xml.text(); }
                    case "sdnEntry" -> entries.add(entry = new Entry());
                    case "uid" -> { if (entry != null && xml.parent().equals("sdnEntry")) entry.uid = xml.text(); }
                    case "firstName" -> { if (entry != null && xml.parent().equals("sdnEntry")) entry.firstName = xml.text(); }
                    case "lastName" -> { if (entry != null && xml.parent().equals("sdnEntry")) entry.lastName = xml.text(); }
                    case "program" -> { if (entry != null) entry.programs.add(xml.text()); }
                    case "id" -> { if (entry != null && xml.parent().equals("idList")) entry.ids.add(id = new Id(xml.line())); }
                    case "idType" -> { if (id != null) id.type = xml.text(); }
                    case "idNumber" -> { if (id != null) id.number = xml.text(); }
                    default -> { }
                }
            }
        }
        for (Entry e : entries) {
            var party = new DesignationCollector.Party(subject(e), e.uid, e.programs);
            for (Id id : e.ids) {
                String currency = DigitalCurrency.tickerOf(id.type);
                if (currency != null) out.add(party, currency, id.number, id.line);
            }
        }
        return out.result(DesignationFormat.SDN_XML).with(publishDate(published), List.of(file));
    }

    /** OFAC writes MM/DD/YYYY; a date in another form is kept as written. */
    static PublishDate publishDate(String text) {
        if (text == null || text.isBlank()) return PublishDate.notStated();
        String where = "publshInformation/Publish_Date";
        try {
            return new PublishDate(java.time.LocalDate.parse(text.strip(),
                    java.time.format.DateTimeFormatter.ofPattern("MM/dd/uuuu")).toString(), where);
        } catch (java.time.format.DateTimeParseException e) {
            return new PublishDate(text.strip(), where);
        }
    }

    /** sdn.csv writes "LAST, First Middle"; SDN.XML splits it, entities have a lastName only. */
    private static String subject(Entry e) {
        String last = e.lastName == null ? "" : e.lastName;
        return e.firstName == null || e.firstName.isBlank() ? last : last + ", " + e.firstName;
    }
}
