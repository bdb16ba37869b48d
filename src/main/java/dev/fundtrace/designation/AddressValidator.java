package dev.fundtrace.designation;

import dev.fundtrace.ledger.Eip55;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a sanctions-list address against its currency's encoding, so that a typo in the list
 * (OFAC once published a 39-hex-digit ETH address) is refused loudly instead of tracing nothing.
 */
public final class AddressValidator {

    /** Tickers whose addresses are EVM accounts: 0x + 40 hex, EIP-55 when mixed case. */
    private static final Set<String> EVM = Set.of("ETH", "ETC", "ARB", "BSC");

    /** Stablecoin tickers OFAC uses for tokens on several chains; only their 0x form is checked. */
    private static final Set<String> MULTI_CHAIN_TOKENS = Set.of("USDT", "USDC");

    /** Base58Check rules per currency: version prefixes (hex) and the segwit prefix, if any. */
    private record Base58Rule(Set<String> versions, int payloadBytes, String segwitHrp) {}

    private static final Map<String, Base58Rule> BASE58 = Map.of(
            "XBT", new Base58Rule(Set.of("00", "05"), 21, "bc"),
            "BSV", new Base58Rule(Set.of("00", "05"), 21, null),
            "LTC", new Base58Rule(Set.of("30", "32", "05"), 21, "ltc"),
            "DASH", new Base58Rule(Set.of("4c", "10"), 21, null),
            // Zcash transparent addresses have two version bytes: t1 = 1cb8, t3 = 1cbd
            "ZEC", new Base58Rule(Set.of("1cb8", "1cbd"), 22, null));

    private AddressValidator() {}

    public static AddressCheck check(String currency, String address) {
        String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        String addr = address == null ? "" : address.trim();
        if (cur.isEmpty()) return AddressCheck.invalid("no currency given for address " + addr);
        if (addr.isEmpty()) return AddressCheck.invalid("empty " + cur + " address");
        if (EVM.contains(cur) || (MULTI_CHAIN_TOKENS.contains(cur) && addr.startsWith("0x"))) {
            return checkEvm(cur, addr);
        }
        if (cur.equals("ZEC") && (addr.startsWith("z") || addr.startsWith("u1"))) {
            return AddressCheck.unchecked(addr, cur + " shielded addresses");
        }
        Base58Rule rule = BASE58.get(cur);
        return rule == null ? AddressCheck.unchecked(addr, cur) : checkBase58(cur, addr, rule);
    }

    private static AddressCheck checkEvm(String cur, String addr) {
        if (!addr.startsWith("0x")) return AddressCheck.invalid(cur + " address " + addr + " does not start with 0x");
        String hex = addr.substring(2);
        if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return AddressCheck.invalid(cur + " address " + addr + " contains non-hex characters");
        }
        if (hex.length() != 40) {
            return AddressCheck.invalid(cur + " address " + addr + " has " + hex.length() + " hex digits, expected 40");
        }
        String lower = "0x" + hex.toLowerCase(Locale.ROOT);
        boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!singleCase) {
            // mixed case carries an EIP-55 checksum; a mismatch means a mistyped digit somewhere
            String expected = Eip55.checksum(lower);
            if (!expected.equals(addr)) {
                return AddressCheck.invalid("EIP-55 checksum mismatch: " + cur + " address " + addr + ", expected " + expected);
            }
        }
        return AddressCheck.ok(lower);
    }

    private static AddressCheck checkBase58(String cur, String addr, Base58Rule rule) {
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
