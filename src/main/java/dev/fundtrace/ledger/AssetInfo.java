package dev.fundtrace.ledger;

/**
 * An asset on a chain.
 *
 * @param asset    {@code ETH} or the token contract, lower-case hex
 * @param symbol   display symbol, or null when unknown
 * @param decimals display decimals, or -1 when unknown (amounts are then shown raw)
 */
public record AssetInfo(String asset, String symbol, int decimals) {
    public String displaySymbol() {
        return symbol == null || symbol.isBlank() ? asset : symbol;
    }
}
