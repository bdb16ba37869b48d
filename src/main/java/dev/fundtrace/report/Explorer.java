package dev.fundtrace.report;

import dev.fundtrace.ledger.Chain;

/**
 * Links to a public block explorer of a chain, for the page's reader to check a transaction or an address
 * (the page itself loads nothing: the links are followed only when clicked).
 */
final class Explorer {

    private Explorer() {}

    /** The explorer page of a transaction, or null for an unknown chain or a blank hash. */
    static String tx(String chain, String txHash) {
        Chain c = chain(chain);
        return c == null || HtmlReportWriter.blank(txHash) ? null : c.txUrl(txHash.strip());
    }

    /** The explorer page of an address, or null for an unknown chain or a missing address (an addressless coin). */
    static String address(String chain, String address) {
        Chain c = chain(chain);
        return c == null || HtmlReportWriter.blank(address) ? null : c.addressUrl(address.strip());
    }

    private static Chain chain(String id) {
        if (id == null) return null;
        try {
            return Chain.fromId(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
