package dev.fundtrace.designation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds "[alt. ]Digital Currency Address - TICKER address" items in a legacy sdn.csv remarks text. */
final class RemarksAddresses {

    /** One address item found in the remarks. */
    record Found(String currency, String address) {}

    // items are separated by "; " and the whole remarks text ends with "."
    private static final Pattern ITEM = Pattern.compile(
            "(?i)(?:alt\\.\\s+)?Digital\\s+Currency\\s+Address\\s+-\\s+([A-Z0-9]+)\\s+([^\\s;]+)");

    private RemarksAddresses() {}

    static List<Found> find(String remarks) {
        List<Found> found = new ArrayList<>();
        if (remarks == null) return found;
        Matcher m = ITEM.matcher(remarks);
        while (m.find()) {
            String address = m.group(2);
            // an address in the last position carries the full stop that ends the remarks
            while (address.endsWith(".")) address = address.substring(0, address.length() - 1);
            found.add(new Found(m.group(1).toUpperCase(Locale.ROOT), address));
        }
        return found;
    }
}
