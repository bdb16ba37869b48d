package dev.fundtrace.designation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OFAC's one naming rule for addresses in every format: "Digital Currency Address - TICKER". */
final class DigitalCurrency {

    private static final Pattern TYPE = Pattern.compile("(?i)Digital\\s+Currency\\s+Address\\s+-\\s+([A-Z0-9]+)");

    private DigitalCurrency() {}

    /** The ticker of an id/feature type such as "Digital Currency Address - ETH", or null for other types. */
    static String tickerOf(String type) {
        if (type == null) return null;
        Matcher m = TYPE.matcher(type.trim());
        return m.matches() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
    }
}
