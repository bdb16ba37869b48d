package dev.fundtrace.ledger;

/** Chains fundtrace knows about. Only Ethereum is traced today; the ledger is keyed by chain from the start. */
public enum Chain {
    ETHEREUM("ethereum", "ETH", 18);

    private final String id;
    private final String nativeAsset;
    private final int nativeDecimals;

    Chain(String id, String nativeAsset, int nativeDecimals) {
        this.id = id;
        this.nativeAsset = nativeAsset;
        this.nativeDecimals = nativeDecimals;
    }

    public String id() { return id; }

    public String nativeAsset() { return nativeAsset; }

    public int nativeDecimals() { return nativeDecimals; }

    public static Chain fromId(String id) {
        for (Chain c : values()) {
            if (c.id.equalsIgnoreCase(id)) return c;
        }
        throw new IllegalArgumentException("unknown chain '" + id + "' (known: ethereum)");
    }
}
