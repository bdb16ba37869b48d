package dev.fundtrace.chain;

/**
 * One chain family's address rules: whether a text is an address of a currency, its canonical form (what
 * fundtrace stores and matches on) and its display form. Each family brings its codec and registers it in
 * {@code META-INF/services/dev.fundtrace.chain.AddressCodec}; {@link AddressCodecs} asks them which one a
 * currency's addresses follow, so the rules for a currency live in one place and the core names no family.
 */
public interface AddressCodec {

    /** Whether this family's rules decide addresses of {@code currency} (an upper-case OFAC ticker) like this one. */
    boolean handles(String currency, String address);

    /** Checks {@code address} as an address of {@code currency}; only asked when {@link #handles} said yes. */
    AddressCheck check(String currency, String address);

    /** Whether {@code canonical} is in this family's canonical form (the report asks before displaying it). */
    boolean owns(String canonical);

    /** How a report shows a canonical address (Ethereum: EIP-55 mixed case); the canonical form by default. */
    default String display(String canonical) {
        return canonical;
    }
}
