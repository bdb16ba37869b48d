package dev.fundtrace.chain;

import dev.fundtrace.chain.ethereum.EvmAddressCodec;
import dev.fundtrace.chain.utxo.address.UtxoAddressCodec;

import java.util.Locale;

/** Which family's address rules a currency follows: the one table of currencies and codecs. */
public final class AddressCodecs {
    private AddressCodecs() {}

    private static final AddressCodec EVM = new EvmAddressCodec();
    private static final AddressCodec UTXO = new UtxoAddressCodec();

    /** Checks a sanctions-list, label or seed address against its currency's rules. */
    public static AddressCheck check(String currency, String address) {
        String cur = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        String addr = address == null ? "" : address.trim();
        if (cur.isEmpty()) return AddressCheck.invalid("no currency given for address " + addr);
        if (addr.isEmpty()) return AddressCheck.invalid("empty " + cur + " address");
        if (EvmAddressCodec.handles(cur, addr)) return EVM.check(cur, addr);
        if (UtxoAddressCodec.handles(cur)) return UTXO.check(cur, addr);
        return AddressCheck.unchecked(addr, cur);
    }

    /** How a report shows a canonical address: EVM accounts with their EIP-55 checksum, others as stored. */
    public static String display(String canonical) {
        return EvmAddressCodec.isAccount(canonical) ? EVM.display(canonical) : UTXO.display(canonical);
    }
}
