package dev.fundtrace.chain;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Which family's address rules a currency follows: the one table of currencies and codecs. The codecs are the
 * families' own, found through {@link ServiceLoader}, so that a new family plugs in without this class knowing it.
 */
public final class AddressCodecs {
    private AddressCodecs() {}

    private static final List<AddressCodec> CODECS = ServiceLoader.load(AddressCodec.class, AddressCodec.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    /** Checks a sanctions-list, label or seed address against its currency's rules. */
    public static AddressCheck check(String currency, String address) {
        String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        String addr = address == null ? "" : address.trim();
        if (cur.isEmpty()) return AddressCheck.invalid("no currency given for address " + addr);
        if (addr.isEmpty()) return AddressCheck.invalid("empty " + cur + " address");
        for (AddressCodec codec : CODECS) {
            if (codec.handles(cur, addr)) return codec.check(cur, addr);
        }
        return AddressCheck.unchecked(addr, cur);
    }

    /** How a report shows a canonical address: in the form of the family whose canonical form it is. */
    public static String display(String canonical) {
        for (AddressCodec codec : CODECS) {
            if (codec.owns(canonical)) return codec.display(canonical);
        }
        return canonical;
    }

    /** The codecs registered, in the order they are asked (for the test that every family registers one). */
    static List<AddressCodec> registered() {
        return CODECS;
    }
}
