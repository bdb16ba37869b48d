package dev.fundtrace.ledger;

/**
 * An asset on a chain.
 *
 * @param asset    {@code ETH} or the token contract, lower-case hex
 * @param symbol   display symbol, or null when unknown
 * @param decimals display decimals, or -1 when unknown (amounts are then shown raw)
 */
public record AssetInfo(String asset, String symbol, int decimals) {
    /** True when a job file names this asset by {@code key}: its token address or its symbol, any case. */
    public boolean answersTo(String key) {
        return key.equalsIgnoreCase(asset) || (symbol != null && key.equalsIgnoreCase(symbol));
    }

    /** A display-unit amount from a job file in raw units (unscaled when the decimals are unknown). */
    public java.math.BigDecimal raw(java.math.BigDecimal display) {
        return decimals > 0 ? display.movePointRight(decimals) : display;
    }

    public String displaySymbol() {
        return symbol == null || symbol.isBlank() ? asset : symbol;
    }

    /**
     * The warning a run gives for a token whose symbol or decimals are unknown, in the same words whether an export
     * or a node left them unknown (the two runs' reports are compared).
     */
    public static String unknownMetadata(String token, boolean noSymbol, boolean noDecimals) {
        String what = noSymbol && noDecimals ? "symbol and decimals" : noSymbol ? "symbol" : "decimals";
        String effect = noSymbol && noDecimals ? "shown by its contract address, amounts raw"
                : noSymbol ? "shown by its contract address" : "amounts shown raw";
        return "token " + token + ": " + what + " unknown (" + effect + ")";
    }
}
