package dev.fundtrace.chain.utxo;

import dev.fundtrace.chain.utxo.address.CashAddr;
import dev.fundtrace.ledger.Chain;

import java.util.Locale;

/**
 * The canonical form of an address as a UTXO chain's export writes it (utxo.md, "Canonical address form"):
 * Base58 as written, Bech32 lower-case, cashaddr as legacy on Bitcoin SV, legacy as cashaddr on Bitcoin Cash.
 * Ledger addresses are not validated beyond this: the node that exported them is the authority, so a text
 * that does not decode is kept as written.
 */
public final class UtxoAddresses {

    private static final String NONSTANDARD = "nonstandard";

    private UtxoAddresses() {}

    public static String canonical(Chain chain, String address) {
        return switch (chain) {
            case BITCOIN -> lowerSegwit(address, "bc1");
            case LITECOIN -> lowerSegwit(address, "ltc1");
            case BITCOINSV -> legacyOf(address);
            case BITCOINCASH -> cashAddrOf(address);
            default -> address;
        };
    }

    /**
     * The holder of an output (or of the coin an input spends) by its canonical address list: exactly one entry
     * that is not bitcoin-etl's {@code nonstandard…} pseudo-address; otherwise null (addressless).
     */
    public static String holder(String[] canonicalAddresses) {
        if (canonicalAddresses == null || canonicalAddresses.length != 1) return null;
        String a = canonicalAddresses[0];
        return a.startsWith(NONSTANDARD) ? null : a;
    }

    /** Bech32 is one case; nodes write it lower-case, so only an all-upper-case text needs work. */
    private static String lowerSegwit(String address, String hrpAndSeparator) {
        if (!address.regionMatches(true, 0, hrpAndSeparator, 0, hrpAndSeparator.length())) return address;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= 'a' && c <= 'z') return address;
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private static String legacyOf(String address) {
        if (!CashAddr.looksLike(address)) return address;
        String legacy = CashAddr.toLegacy(CashAddr.decode(address));
        return legacy == null ? address : legacy;
    }

    private static String cashAddrOf(String address) {
        if (address.startsWith(CashAddr.PREFIX + ":")) {
            for (int i = 0; i < address.length(); i++) {
                char c = address.charAt(i);
                if (c >= 'A' && c <= 'Z') return address.toLowerCase(Locale.ROOT);
            }
            return address;
        }
        if (CashAddr.looksLike(address)) {
            CashAddr.Decoded d = CashAddr.decode(address);
            return d.ok() ? d.canonical() : address;
        }
        if (address.startsWith(NONSTANDARD)) return address;
        String cash = CashAddr.fromLegacy(address);
        return cash == null ? address : cash;
    }
}
