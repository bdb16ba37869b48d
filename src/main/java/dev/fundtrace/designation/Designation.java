package dev.fundtrace.designation;

import java.util.List;

/**
 * One digital-currency address a sanctions list names, with who it belongs to.
 *
 * @param subject    the SDN name as OFAC writes it, e.g. {@code LIFSHITS, Artem Mikhaylovich}
 * @param sdnUid     OFAC entity id (ent_num / uid / FixedRef); null for plain watchlists
 * @param programs   OFAC program tags, e.g. CYBER2, ELECTION-EO13848
 * @param currency   OFAC currency code: XBT, ETH, LTC, ...
 * @param chain      the chain its currency names ({@code ethereum}, {@code bitcoin}, ...), or null when fundtrace knows
 *                   no chain for it (USDT, XMR, ...)
 * @param address    the address; lower-case for ETH, as published otherwise
 * @param sourceFile file name the designation was read from
 */
public record Designation(String subject, String sdnUid, List<String> programs, String currency, String chain,
                          String address, String sourceFile) {

    public Designation {
        programs = programs == null ? List.of() : List.copyOf(programs);
    }

    /**
     * Why this designation is not traced by a run that loads the ledgers of {@code loadedChains}, or null when it
     * is traced there.
     */
    public String notTracedReason(java.util.Collection<String> loadedChains) {
        if (chain == null) return "fundtrace traces no " + currency + " chain";
        if (shieldedZcash()) return "a shielded Zcash address: shielded value cannot be traced";
        if (!loadedChains.contains(chain)) return "the job loads no " + chain + " ledger";
        return null;
    }

    /** True when a run that loads {@code loadedChains} traces it. */
    public boolean traced(java.util.Collection<String> loadedChains) {
        return notTracedReason(loadedChains) == null;
    }

    private boolean shieldedZcash() {
        return "ZEC".equals(currency) && (address.startsWith("z") || address.startsWith("u1"));
    }
}
