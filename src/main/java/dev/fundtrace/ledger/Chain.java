package dev.fundtrace.ledger;

import java.util.Locale;

/**
 * Chains fundtrace knows about, each with its family, the OFAC currency code its designations carry and its
 * native asset. The order is kept: stored ledger segments record a chain by its position here.
 */
public enum Chain {
    ETHEREUM("ethereum", Family.ACCOUNT, "ETH", "ETH", 18,
            "https://etherscan.io/tx/", "https://etherscan.io/address/"),
    BITCOIN("bitcoin", Family.UTXO, "XBT", "BTC", 8,
            "https://mempool.space/tx/", "https://mempool.space/address/"),
    LITECOIN("litecoin", Family.UTXO, "LTC", "LTC", 8,
            "https://litecoinspace.org/tx/", "https://litecoinspace.org/address/"),
    DASH("dash", Family.UTXO, "DASH", "DASH", 8,
            "https://blockchair.com/dash/transaction/", "https://blockchair.com/dash/address/"),
    ZCASH("zcash", Family.UTXO, "ZEC", "ZEC", 8,
            "https://blockchair.com/zcash/transaction/", "https://blockchair.com/zcash/address/"),
    BITCOINSV("bitcoinsv", Family.UTXO, "BSV", "BSV", 8,
            "https://whatsonchain.com/tx/", "https://whatsonchain.com/address/"),
    BITCOINCASH("bitcoincash", Family.UTXO, "BCH", "BCH", 8,
            "https://blockchair.com/bitcoin-cash/transaction/", "https://blockchair.com/bitcoin-cash/address/"),
    DOGECOIN("dogecoin", Family.UTXO, "DOGE", "DOGE", 8,
            "https://blockchair.com/dogecoin/transaction/", "https://blockchair.com/dogecoin/address/");

    /** How a chain keeps value: balances of accounts, or unspent transaction outputs (coins). */
    public enum Family { ACCOUNT, UTXO }

    private final String id;
    private final Family family;
    private final String currency;
    private final String nativeAsset;
    private final int nativeDecimals;
    private final String txUrl;
    private final String addressUrl;

    Chain(String id, Family family, String currency, String nativeAsset, int nativeDecimals, String txUrl, String addressUrl) {
        this.id = id;
        this.family = family;
        this.currency = currency;
        this.nativeAsset = nativeAsset;
        this.nativeDecimals = nativeDecimals;
        this.txUrl = txUrl;
        this.addressUrl = addressUrl;
    }

    public String id() { return id; }

    public Family family() { return family; }

    /** The OFAC currency code of its addresses in the SDN list (XBT for Bitcoin). */
    public String currency() { return currency; }

    public String nativeAsset() { return nativeAsset; }

    public int nativeDecimals() { return nativeDecimals; }

    /** A public block explorer's page for a transaction of this chain. */
    public String txUrl(String txHash) { return txUrl + txHash; }

    /** A public block explorer's page for an address of this chain. */
    public String addressUrl(String address) { return addressUrl + address; }

    public static Chain fromId(String id) {
        for (Chain c : values()) {
            if (c.id.equalsIgnoreCase(id)) return c;
        }
        throw new IllegalArgumentException("unknown chain '" + id + "' (known: " + known() + ")");
    }

    /** The chain whose addresses an OFAC currency code names, or null (USDT, XMR, ...: not traced). */
    public static Chain ofCurrency(String currency) {
        String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        for (Chain c : values()) {
            if (c.currency.equals(cur)) return c;
        }
        return null;
    }

    public static String known() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Chain::id).toList());
    }
}
