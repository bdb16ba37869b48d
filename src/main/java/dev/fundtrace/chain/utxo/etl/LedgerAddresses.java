package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.UtxoAddresses;
import dev.fundtrace.ledger.Chain;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical forms of a chain's ledger addresses, one shared instance per distinct address. The parse threads
 * pay for hashing and comparing address text; the sequential resolver then finds each address by a cached
 * hash and an identity match, and the ledger keeps one copy of a busy address.
 */
final class LedgerAddresses {

    private final Chain chain;
    private final ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>(1 << 16);

    LedgerAddresses(Chain chain) {
        this.chain = chain;
    }

    String canonical(String written) {
        String c = UtxoAddresses.canonical(chain, written);
        String first = seen.putIfAbsent(c, c);
        return first == null ? c : first;
    }
}
