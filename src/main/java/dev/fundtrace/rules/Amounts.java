package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Amounts as the flags' explanations show them: display units and the asset's symbol; 12 significant digits on
 * account chains, to the unit on UTXO chains.
 */
final class Amounts {

    private static final int SIGNIFICANT = 12;

    private Amounts() {}

    static String display(AssetTrace a, BigInteger raw) {
        return display(a.symbol(), a.decimals(), raw);
    }

    /**
     * Raw units to display units, rounded half up to 12 significant digits, trailing zeros dropped, in plain
     * notation: what {@code BigDecimal}'s round, stripTrailingZeros and toPlainString make, done on the digits
     * (a large trace's indirect exposures each state one, and the decimal arithmetic showed in the flag step).
     */
    static String display(String symbol, int decimals, BigInteger raw) {
        return plainRounded(raw, decimals) + " " + symbol;
    }

    static String plainRounded(BigInteger raw, int decimals) {
        if (raw.signum() == 0) return "0";
        String digits = raw.abs().toString();
        int exponent = -Math.max(decimals, 0); // the value is digits x 10^exponent
        if (digits.length() > SIGNIFICANT) {
            boolean up = digits.charAt(SIGNIFICANT) >= '5';
            exponent += digits.length() - SIGNIFICANT;
            digits = digits.substring(0, SIGNIFICANT);
            if (up) digits = new BigInteger(digits).add(BigInteger.ONE).toString();
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') end--;
        exponent += digits.length() - end;
        digits = digits.substring(0, end);
        StringBuilder out = new StringBuilder(digits.length() + 24);
        if (raw.signum() < 0) out.append('-');
        if (exponent >= 0) {
            out.append(digits).repeat('0', exponent);
        } else {
            int point = digits.length() + exponent;
            if (point > 0) out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            else out.append("0.").repeat('0', -point).append(digits);
        }
        return out.toString();
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
