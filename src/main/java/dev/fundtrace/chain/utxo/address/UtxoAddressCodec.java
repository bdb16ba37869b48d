package dev.fundtrace.chain.utxo.address;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodec;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bitcoin-family addresses: Base58Check with each chain's version bytes, Bech32/Bech32m segwit where the chain
 * has it, and cashaddr on the Bitcoin Cash forks. Canonical form: Base58 as written (it is case-sensitive),
 * Bech32 in lower case; on BSV a cashaddr becomes its legacy form, on BCH a legacy address becomes its
 * {@code bitcoincash:} cashaddr. Zcash shielded addresses are accepted unchecked: they cannot be traced.
 */
public final class UtxoAddressCodec implements AddressCodec {

    /** Whether a chain takes cashaddr, and which form its canonical address has. */
    private enum CashAddrUse { NONE, LEGACY_CANONICAL, CASHADDR_CANONICAL }

    /** Rules per currency: version prefixes (hex), payload length, the segwit prefix if any, cashaddr. */
    private record Rule(Set<String> versions, int payloadBytes, String segwitHrp, CashAddrUse cashAddr) {}

    private static final Map<String, Rule> RULES = Map.of(
            "XBT", new Rule(Set.of("00", "05"), 21, "bc", CashAddrUse.NONE),
            "BSV", new Rule(Set.of("00", "05"), 21, null, CashAddrUse.LEGACY_CANONICAL),
            "BCH", new Rule(Set.of("00", "05"), 21, null, CashAddrUse.CASHADDR_CANONICAL),
            "LTC", new Rule(Set.of("30", "32", "05"), 21, "ltc", CashAddrUse.NONE),
            "DASH", new Rule(Set.of("4c", "10"), 21, null, CashAddrUse.NONE),
            "DOGE", new Rule(Set.of("1e", "16"), 21, null, CashAddrUse.NONE),
            // Zcash transparent addresses have two version bytes: t1 = 1cb8, t3 = 1cbd
            "ZEC", new Rule(Set.of("1cb8", "1cbd"), 22, null, CashAddrUse.NONE));

    @Override
    public boolean handles(String currency, String address) {
        return RULES.containsKey(currency);
    }

    /** Every canonical address that is not another family's is displayed as stored. */
    @Override
    public boolean owns(String canonical) {
        return false;
    }

    /** Zcash shielded addresses (Sprout {@code zc}, Sapling {@code zs}, unified {@code u1}): kept, never traced. */
    public static boolean isZcashShielded(String address) {
        return address.startsWith("zs") || address.startsWith("zc") || address.startsWith("u1");
    }

    @Override
    public AddressCheck check(String cur, String addr) {
        Rule rule = RULES.get(cur);
        if (cur.equals("ZEC") && isZcashShielded(addr)) {
            return AddressCheck.unchecked(addr, cur + " shielded addresses");
        }
        if (rule.segwitHrp() != null && addr.toLowerCase(Locale.ROOT).startsWith(rule.segwitHrp() + "1")) {
            Bech32.Segwit segwit = Bech32.decodeSegwit(rule.segwitHrp(), addr);
            return segwit.ok() ? AddressCheck.ok(addr.toLowerCase(Locale.ROOT))
                    : AddressCheck.invalid(cur + " address " + addr + ": " + segwit.error());
        }
        if (rule.cashAddr() != CashAddrUse.NONE && CashAddr.looksLike(addr)) return checkCashAddr(cur, rule, addr);
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
                    + " is not a mainnet " + cur + " address version " + new TreeSet<>(rule.versions()));
        }
        return AddressCheck.ok(rule.cashAddr() == CashAddrUse.CASHADDR_CANONICAL ? CashAddr.fromLegacy(addr) : addr);
    }

    private static AddressCheck checkCashAddr(String cur, Rule rule, String addr) {
        CashAddr.Decoded d = CashAddr.decode(addr);
        if (!d.ok()) return AddressCheck.invalid(cur + " address " + addr + ": " + d.error());
        if (rule.cashAddr() == CashAddrUse.CASHADDR_CANONICAL) return AddressCheck.ok(d.canonical());
        String legacy = CashAddr.toLegacy(d);
        return legacy == null
                ? AddressCheck.invalid(cur + " address " + addr + ": a " + d.hash().length + "-byte hash has no legacy form")
                : AddressCheck.ok(legacy);
    }
}
