package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.UtxoAddresses;

/** One output: its value and its addresses in canonical form (empty for OP_RETURN and shielded outputs). */
record EtlOutput(long value, String[] addresses) {
    String holder() { return UtxoAddresses.holder(addresses); }
}
