package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Amounts as the flags' explanations show them: display units and the asset's symbol; 12 significant digits on
 * account chains, to the unit on UTXO chains.
 */
final class Amounts {

    private Amounts() {}

    static String display(AssetTrace a, BigInteger raw) {
        return display(a.symbol(), a.decimals(), raw);
    }

    /** Raw units to display units, rounded to 12 significant digits. */
    private static String display(String symbol, int decimals, BigInteger raw) {
        BigDecimal v = decimals > 0 ? new BigDecimal(raw).movePointLeft(decimals) : new BigDecimal(raw);
        v = v.round(new MathContext(12)).stripTrailingZeros();
        return v.toPlainString() + " " + symbol;
    }

    /**
     * Raw units to display units without rounding: a UTXO chain's amounts have 8 decimals and are shown to the
     * unit ({@code 12345678} sat is {@code 0.12345678 BTC}, {@code 100000000} is {@code 1 BTC}).
     */
    static String exact(String symbol, int decimals, BigInteger raw) {
        BigDecimal v = decimals > 0 ? new BigDecimal(raw).movePointLeft(decimals) : new BigDecimal(raw);
        return (v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()).toPlainString() + " " + symbol;
    }
}
