package dev.fundtrace.rules;

import dev.fundtrace.trace.AssetTrace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Amounts as the flags' explanations show them: display units, 12 significant digits, the asset's symbol. */
final class Amounts {

    private Amounts() {}

    static String display(AssetTrace a, BigInteger raw) {
        return display(a, new BigDecimal(raw));
    }

    /** Raw units to display units. */
    private static String display(AssetTrace a, BigDecimal raw) {
        BigDecimal v = a.decimals() > 0 ? raw.movePointLeft(a.decimals()) : raw;
        v = v.round(new MathContext(12)).stripTrailingZeros();
        return v.toPlainString() + " " + a.symbol();
    }
}
