package dev.fundtrace.labels;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labels by chain and address. Every labelled address is treated as a service by the trace: it can be
 * reached, but it never passes taint on (an exchange's hot wallet mixes everyone's money).
 */
public final class LabelBook {

    private final Map<String, Label> byKey = new HashMap<>();

    public LabelBook(Collection<Label> labels) {
        for (Label l : labels) byKey.putIfAbsent(key(l.chain(), l.address()), l);
    }

    public static LabelBook empty() { return new LabelBook(List.of()); }

    public Optional<Label> find(String chain, String address) {
        return Optional.ofNullable(byKey.get(key(chain, address)));
    }

    public Collection<Label> all() { return byKey.values(); }

    public int size() { return byKey.size(); }

    private static String key(String chain, String address) {
        // Ethereum hex is matched whatever its case; Base58 is case-sensitive, so every other address as given
        String a = address.startsWith("0x") || address.startsWith("0X") ? address.toLowerCase() : address;
        return chain.toLowerCase() + "|" + a;
    }
}
