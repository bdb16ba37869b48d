package dev.fundtrace.designation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The 23 addresses OFAC listed on 2020-09-10 for the IRA staff (reference section 1), and fixture paths. */
public final class IraFacts {

    static final String LIFSHITS = "LIFSHITS, Artem Mikhaylovich";
    static final String ANDREYEV = "ANDREYEV, Anton Nikolaeyvich";
    static final String ASLANOVA = "ASLANOVA, Darya Dmitriyevna";
    static final List<String> PROGRAMS = List.of("CYBER2", "ELECTION-EO13848");

    /** What a reader must yield for one listed address (ETH already lower-case). */
    public record Expected(String subject, String uid, String currency, String address) {}

    public static final List<Expected> ADDRESSES = List.of(
            new Expected(LIFSHITS, "29702", "XBT", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz"),
            new Expected(LIFSHITS, "29702", "XBT", "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U"),
            new Expected(LIFSHITS, "29702", "ETH", "0x901bb9583b24d97e995513c6778dc6888ab6870e"),
            new Expected(LIFSHITS, "29702", "ETH", "0xa7e5d5a720f06526557c513402f2e6b5fa20b008"),
            new Expected(LIFSHITS, "29702", "LTC", "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3"),
            new Expected(LIFSHITS, "29702", "DASH", "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4"),
            new Expected(ANDREYEV, "29703", "XBT", "1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3"),
            new Expected(ANDREYEV, "29703", "XBT", "1AeSq93WDNdLoEJ92sex7T8xQZoYYm8BtS"),
            new Expected(ANDREYEV, "29703", "XBT", "1AoxtfiBQ22DvbhqAN9Ctb8sULMRhrdwTr"),
            new Expected(ANDREYEV, "29703", "XBT", "18Qj1THHuETfYhuRDZycXJbWwDMGw73Poa"),
            new Expected(ANDREYEV, "29703", "XBT", "1MnbhWe5wr7Ut45ReyQsm96PwnM9jD7KaH"),
            new Expected(ANDREYEV, "29703", "XBT", "1DYFJ6CuBvrxyoQSuBzVsNcetY9tvdsrag"),
            new Expected(ANDREYEV, "29703", "XBT", "15Pt4NwZaUmMUwS2bQbyyncc7mzgWShtv8"),
            new Expected(ANDREYEV, "29703", "XBT", "1PhqQpaGCrqSxQ6QDXcv14QCd1U98Zp34E"),
            new Expected(ANDREYEV, "29703", "XBT", "13YBQr2Cp1YY3xqq2qngaPb7ca1o4ugeq6"),
            new Expected(ANDREYEV, "29703", "XBT", "1KgudqxMfYaGzqAA7MS4DcsqejtMteqhix"),
            new Expected(ANDREYEV, "29703", "XBT", "1FRyL9gmFGbzfYDAB4iY9836DJe3KSnjP9"),
            new Expected(ANDREYEV, "29703", "XBT", "1DbShx4r8i2XesthoDBf5EkYWz5dsKEusV"),
            new Expected(ANDREYEV, "29703", "ETH", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"),
            new Expected(ANDREYEV, "29703", "LTC", "LWnbjLYUfqeokfbWM4FcU7uk2FP2DSxuWS"),
            new Expected(ANDREYEV, "29703", "LTC", "LaYUy1DGfVSuSF5KbPhbLrm8kRotqiwUJn"),
            new Expected(ANDREYEV, "29703", "ZEC", "t1WSKwCDL1QYRRUrCCknEs5tDLhtGVYu9KM"),
            new Expected(ANDREYEV, "29703", "BSV", "12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9"));

    /** The 14 XBT addresses among them, for the Base58Check tests. */
    public static List<String> xbt() {
        return ADDRESSES.stream().filter(e -> e.currency().equals("XBT")).map(Expected::address).toList();
    }

    /** The IRA staff's designations of a file, reduced to what the facts table holds. */
    static Set<Expected> iraOf(DesignationFile file) {
        return file.designations().stream()
                .filter(d -> Set.of("29702", "29703", "29745").contains(d.sdnUid()))
                .map(d -> new Expected(d.subject(), d.sdnUid(), d.currency(), d.address()))
                .collect(Collectors.toSet());
    }

    static Path fixture(String name) {
        try {
            return Path.of(IraFacts.class.getResource("/ofac/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture ofac/" + name, e);
        }
    }

    private IraFacts() {}
}
