package dev.fundtrace.trace.coin;

import dev.fundtrace.concurrent.Futures;
import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Traces one UTXO chain coin by coin (utxo.md): taint follows coins, not balances. Seeds and services are canonical
 * address strings of this chain; services are every labelled address (a labelled seed stays a seed).
 */
public final class CoinTracer {

    public CoinTrace trace(CoinLedger ledger, Collection<String> seedAddresses, Collection<String> serviceAddresses,
                           CoinTraceParameters p) {
        AddressRoles direct = AddressRoles.of(ledger, seedAddresses, serviceAddresses);
        AddressClusters clusters = p.clusteringEnabled() || p.extendSeeds() ? AddressClusters.of(ledger) : null;
        AddressRoles roles = p.extendSeeds() ? direct.withSeedClusters(clusters) : direct;
        // the two directions only read the ledger: the backward one runs on a second core meanwhile
        CompletableFuture<BackwardReach> backward = CompletableFuture.supplyAsync(() ->
                p.backward() ? BackwardReach.run(ledger, roles, p.maxHops()) : BackwardReach.none(ledger));
        ForwardTaint forward = p.forward() ? ForwardTaint.run(ledger, roles, p.maxHops(), p.dustRaw())
                : ForwardTaint.seedCoinsOnly(ledger, roles);
        List<Cluster> reported = p.clusteringEnabled() ? clusters.report(seedAddresses) : List.of();
        return new CoinTrace(ledger, p, roles, forward, Futures.join(backward), reported);
    }
}
