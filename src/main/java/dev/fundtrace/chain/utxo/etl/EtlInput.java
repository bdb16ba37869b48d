package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.UtxoAddresses;

/**
 * One input. {@code spent} is null for an input without an outpoint (a Zcash shielded input).
 * {@code value} is -1 when not stated (not enriched); {@code addresses} (canonical) is null when not stated.
 */
record EtlInput(Txid spent, int vout, long value, String[] addresses, boolean shielded) {
    static final long UNSTATED = -1;

    String holder() { return UtxoAddresses.holder(addresses); }

    /** A plain export writes {@code addresses: []} and {@code value: null}: that states nothing. */
    boolean statesAddresses() {
        return addresses != null && (value != UNSTATED || addresses.length > 0);
    }
}
