package dev.fundtrace.report;

import dev.fundtrace.ledger.Chain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Where report.html links a transaction or an address to: the chains' public block explorers (the default), a
 * self-hosted explorer per chain, or nowhere (opening a public explorer can tip off a subject). The page itself
 * loads nothing: a link is followed only when clicked.
 */
public final class ExplorerLinks {

    /** The placeholders of a self-hosted explorer's URL templates. */
    public static final String TXID = "{txid}", ADDRESS = "{address}";

    /** Each chain's public explorer ({@link Chain#txUrl}). */
    public static final ExplorerLinks PUBLIC = new ExplorerLinks(null);
    /** No links at all. */
    public static final ExplorerLinks NONE = new ExplorerLinks(Map.of());

    /**
     * A chain's URL templates.
     *
     * @param tx      a URL holding {@code {txid}}, or null: the chain's transactions are not linked
     * @param address a URL holding {@code {address}}, or null: its addresses are not linked
     */
    public record Templates(String tx, String address) {}

    // null: the public explorers; otherwise the templates by chain id, a chain not named getting no links
    private final Map<String, Templates> templates;

    private ExplorerLinks(Map<String, Templates> templates) {
        this.templates = templates;
    }

    /** A self-hosted explorer: links only for the chains named, to their templates. */
    public static ExplorerLinks of(Map<String, Templates> byChain) {
        Map<String, Templates> lower = new java.util.HashMap<>();
        byChain.forEach((chain, t) -> lower.put(chain.toLowerCase(Locale.ROOT), t));
        return new ExplorerLinks(Map.copyOf(lower));
    }

    /** Where the page's links go, in words, for its footer. */
    String describe() {
        if (templates == null) return "Transactions and addresses link to public block explorers; following a link tells that site what you looked at.";
        if (templates.isEmpty()) return "Explorer links are off for this job (report.explorer: off): nothing on this page points to another site.";
        return "Transactions and addresses link to the job's own explorer (" + String.join(", ", new java.util.TreeSet<>(templates.keySet()))
                + "); other chains are not linked.";
    }

    /** The explorer page of a transaction, or null (no link: unknown chain, blank hash, or none configured). */
    String tx(String chain, String txHash) {
        if (chain == null || HtmlReportWriter.blank(txHash)) return null;
        if (templates == null) {
            Chain c = known(chain);
            return c == null ? null : c.txUrl(txHash.strip());
        }
        Templates t = templates.get(chain.toLowerCase(Locale.ROOT));
        return t == null || t.tx() == null ? null : t.tx().replace(TXID, encoded(txHash));
    }

    /** The explorer page of an address, or null (no link: unknown chain, an addressless coin, or none configured). */
    String address(String chain, String address) {
        if (chain == null || HtmlReportWriter.blank(address)) return null;
        if (templates == null) {
            Chain c = known(chain);
            return c == null ? null : c.addressUrl(address.strip());
        }
        Templates t = templates.get(chain.toLowerCase(Locale.ROOT));
        return t == null || t.address() == null ? null : t.address().replace(ADDRESS, encoded(address));
    }

    // hashes and addresses are hex, Base58 or Bech32; encoded anyway, so that no input can change the URL's shape
    private static String encoded(String value) {
        return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
    }

    private static Chain known(String id) {
        try {
            return Chain.fromId(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
