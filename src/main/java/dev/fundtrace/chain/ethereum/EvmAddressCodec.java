package dev.fundtrace.chain.ethereum;

import dev.fundtrace.chain.AddressCheck;
import dev.fundtrace.chain.AddressCodec;

import java.util.Locale;
import java.util.Set;

/**
 * EVM account addresses: 0x + 40 hex; mixed case carries an EIP-55 checksum, so a mismatch is a mistyped digit
 * (OFAC once published a 39-hex-digit ETH address). Canonical form: lower case; display form: EIP-55.
 */
public final class EvmAddressCodec implements AddressCodec {

    /** Tickers whose addresses are EVM accounts. */
    private static final Set<String> EVM = Set.of("ETH", "ETC", "ARB", "BSC");

    /** Stablecoin tickers OFAC uses for tokens on several chains; only their 0x form is an EVM address. */
    private static final Set<String> MULTI_CHAIN_TOKENS = Set.of("USDT", "USDC");

    @Override
    public boolean handles(String currency, String address) {
        return EVM.contains(currency) || (MULTI_CHAIN_TOKENS.contains(currency) && address.startsWith("0x"));
    }

    /** A canonical (lower-case) EVM account address. */
    @Override
    public boolean owns(String canonical) {
        return canonical.length() == 42 && canonical.startsWith("0x")
                && canonical.chars().skip(2).allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    @Override
    public AddressCheck check(String cur, String addr) {
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
            String expected = Eip55.checksum(lower);
            if (!expected.equals(addr)) {
                return AddressCheck.invalid("EIP-55 checksum mismatch: " + cur + " address " + addr + ", expected " + expected);
            }
        }
        return AddressCheck.ok(lower);
    }

    @Override
    public String display(String canonical) {
        return Eip55.checksum(canonical);
    }
}
