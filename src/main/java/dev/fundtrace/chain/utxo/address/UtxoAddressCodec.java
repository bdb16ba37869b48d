package dev.fundtrace.chain.utxo.address;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodec;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bitcoin-family addresses: Base58Check with each chain's version bytes, and Bech32/Bech32m segwit where the chain
 * has it. Canonical form: Base58 as written (it is case-sensitive), Bech32 in lower case. Zcash shielded
 * addresses are accepted unchecked: they cannot be traced.
 */
public final class UtxoAddressCodec implements AddressCodec {

    /** Base58Check rules per currency: version prefixes (hex), payload length and the segwit prefix, if any. */
    private record Base58Rule(Set<String> versions, int payloadBytes, String segwitHrp) {}

    private static final Map<String, Base58Rule> BASE58 = Map.of(
            "XBT", new Base58Rule(Set.of("00", "05"), 21, "bc"),
            "BSV", new Base58Rule(Set.of("00", "05"), 21, null),
            "LTC", new Base58Rule(Set.of("30", "32", "05"), 21, "ltc"),
            "DASH", new Base58Rule(Set.of("4c", "10"), 21, null),
            // Zcash transparent addresses have two version bytes: t1 = 1cb8, t3 = 1cbd
            "ZEC", new Base58Rule(Set.of("1cb8", "1cbd"), 22, null));

    public static boolean handles(String currency) {
        return BASE58.containsKey(currency);
    }

    @Override
    public AddressCheck check(String cur, String addr) {
        if (cur.equals("ZEC") && (addr.startsWith("z") || addr.startsWith("u1"))) {
            return AddressCheck.unchecked(addr, cur + " shielded addresses");
        }
        Base58Rule rule = BASE58.get(cur);
        if (rule.segwitHrp() != null && addr.toLowerCase(Locale.ROOT).startsWith(rule.segwitHrp() + "1")) {
            Bech32.Segwit segwit = Bech32.decodeSegwit(rule.segwitHrp(), addr);
            return segwit.ok() ? AddressCheck.ok(addr.toLowerCase(Locale.ROOT))
                    : AddressCheck.invalid(cur + " address " + addr + ": " + segwit.error());
        }
        Base58Check.Decoded decoded = Base58Check.decode(addr);
        if (!decoded.ok()) return AddressCheck.invalid(cur + " address " + addr + ": " + decoded.error());
        byte[] payload = decoded.payload();
        if (payload.length != rule.payloadBytes()) {
            return AddressCheck.invalid(cur + " address " + addr + ": payload is " + payload.length
                    + " bytes, expected " + rule.payloadBytes());
        }
        int versionLength = rule.payloadBytes() - 20;
        String version = HexFormat.of().formatHex(payload, 0, versionLength);
        if (!rule.versions().contains(version)) {
            return AddressCheck.invalid(cur + " address " + addr + ": version 0x" + version
                    + " is not a mainnet " + cur + " address version " + new java.util.TreeSet<>(rule.versions()));
        }
        return AddressCheck.ok(addr);
    }
}
