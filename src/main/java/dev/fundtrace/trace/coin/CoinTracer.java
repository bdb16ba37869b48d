package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.Collection;
import java.util.List;

/**
 * Traces one UTXO chain coin by coin (utxo.md): taint follows coins, not balances. Seeds and services are canonical
 * address strings of this chain; services are every labelled address (a labelled seed stays a seed).
 */
public final class CoinTracer {

    public CoinTrace trace(CoinLedger ledger, Collection<String> seedAddresses, Collection<String> serviceAddresses,
                           CoinTraceParameters p) {
        AddressRoles roles = AddressRoles.of(ledger, seedAddresses, serviceAddresses);
        AddressClusters clusters = p.clusteringEnabled() || p.extendSeeds() ? AddressClusters.of(ledger) : null;
        if (p.extendSeeds()) roles = roles.withSeedClusters(clusters);
        ForwardTaint forward = p.forward() ? ForwardTaint.run(ledger, roles, p.maxHops(), p.dustRaw())
                : ForwardTaint.seedCoinsOnly(ledger, roles);
        BackwardReach backward = p.backward() ? BackwardReach.run(ledger, roles, p.maxHops()) : BackwardReach.none(ledger);
        List<Cluster> reported = p.clusteringEnabled() ? clusters.report(seedAddresses) : List.of();
        return new CoinTrace(ledger, p, roles, forward, backward, reported);
    }
}
