package dev.fundtrace.designation;

import dev.fundtrace.ledger.Chain;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodecs;
import dev.fundtrace.rejects.Rejection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the raw (party, currency, address) triples every parser finds into validated designations,
 * so that validation, chain mapping, de-duplication and rejection work the same for all formats.
 */
final class DesignationCollector {

    private final String fileName;
    private final List<Designation> designations = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    DesignationCollector(String fileName) {
        this.fileName = fileName;
    }

    String fileName() { return fileName; }

    /**
     * Validates one listed address and keeps it, or records a rejection naming the line.
     * The same address listed twice under the same currency for one party is kept once.
     */
    void add(Party party, String currency, String rawAddress, long line) {
        add(party, currency, rawAddress, line, fileName);
    }

    void add(Party party, String currency, String rawAddress, long line, String sourceFile) {
        String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        String address = rawAddress == null ? "" : rawAddress.trim();
        AddressCheck check = AddressCodecs.check(cur, address);
        if (!check.valid()) {
            reject(line, party.describe() + ": " + check.reason(), cur + " " + address);
            return;
        }
        String key = party.uid() + "|" + party.subject() + "|" + cur + "|" + check.normalized();
        if (!seen.add(key)) return;
        designations.add(new Designation(party.subject(), party.uid(), party.programs(), cur, chainOf(cur),
                check.normalized(), sourceFile));
    }

    void reject(long line, String reason, String record) {
        rejectFrom(fileName, line, reason, record);
    }

    /** A rejection from a companion file read alongside this one (e.g. sdn_comments.csv). */
    void rejectFrom(String source, long line, String reason, String record) {
        rejections.add(new Rejection(source, line, reason, record));
    }

    DesignationFile result(DesignationFormat format) {
        return new DesignationFile(fileName, format, designations, rejections);
    }

    /** The chain a currency's addresses live on; unknown currencies are kept with a null chain. */
    private static String chainOf(String currency) {
        Chain chain = Chain.ofCurrency(currency);
        return chain == null ? null : chain.id();
    }

    /** Who a listed address belongs to, as far as one file says. */
    record Party(String subject, String uid, List<String> programs) {
        Party {
            programs = programs == null ? List.of() : List.copyOf(programs);
        }

        String describe() {
            return uid == null ? subject : subject + " (" + uid + ")";
        }
    }
}
