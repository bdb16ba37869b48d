package dev.fundtrace.chain;

/**
 * Outcome of checking one address against its currency's encoding rules.
 *
 * @param valid      false when the address cannot be a real address of that currency
 * @param normalized the form fundtrace stores and matches on (lower-case for ETH), null when invalid
 * @param reason     why it is invalid, or a note such as "not validated for XMR"; null when simply valid
 */
public record AddressCheck(boolean valid, String normalized, String reason) {

    public static AddressCheck ok(String normalized) {
        return new AddressCheck(true, normalized, null);
    }

    public static AddressCheck unchecked(String address, String currency) {
        return new AddressCheck(true, address, "not validated for " + currency);
    }

    public static AddressCheck invalid(String reason) {
        return new AddressCheck(false, null, reason);
    }
}
