package dev.fundtrace.designation;

import java.util.List;

/**
 * One digital-currency address a sanctions list names, with who it belongs to.
 *
 * @param subject    the SDN name as OFAC writes it, e.g. {@code LIFSHITS, Artem Mikhaylovich}
 * @param sdnUid     OFAC entity id (ent_num / uid / FixedRef); null for plain watchlists
 * @param programs   OFAC program tags, e.g. CYBER2, ELECTION-EO13848
 * @param currency   OFAC currency code: XBT, ETH, LTC, ...
 * @param chain      the chain fundtrace traces it on ({@code ethereum}), or null when that chain is not traced yet
 * @param address    the address; lower-case for ETH, as published otherwise
 * @param sourceFile file name the designation was read from
 */
public record Designation(String subject, String sdnUid, List<String> programs, String currency, String chain,
                          String address, String sourceFile) {

    public Designation {
        programs = programs == null ? List.of() : List.copyOf(programs);
    }

    /** True when fundtrace traces this currency today (only ETH so far; XBT is validated and kept). */
    public boolean traced() { return chain != null; }
}
