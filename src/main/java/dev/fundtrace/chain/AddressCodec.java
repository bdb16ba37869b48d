package dev.fundtrace.chain;

/**
 * One chain family's address rules: whether a text is an address of a currency, its canonical form (what
 * fundtrace stores and matches on) and its display form. Each family brings its codec; {@link AddressCodecs}
 * says which codec a currency's addresses follow, so the rules for a currency live in one place.
 */
public interface AddressCodec {

    /** Checks {@code address} as an address of {@code currency} (an OFAC ticker such as ETH or XBT). */
    AddressCheck check(String currency, String address);

    /** How a report shows a canonical address (Ethereum: EIP-55 mixed case); the canonical form by default. */
    default String display(String canonical) {
        return canonical;
    }
}
