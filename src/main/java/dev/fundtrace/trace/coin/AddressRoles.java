package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.Collection;

/** Which ledger addresses are seeds and which are labelled services (a labelled seed is a seed, not a service). */
final class AddressRoles {

    private final boolean[] seed;
    private final boolean[] labelled;

    private AddressRoles(boolean[] seed, boolean[] labelled) {
        this.seed = seed;
        this.labelled = labelled;
    }

    /** Addresses the ledger does not hold a coin for are left out: nothing of theirs can be traced. */
    static AddressRoles of(CoinLedger ledger, Collection<String> seeds, Collection<String> services) {
        return new AddressRoles(mark(ledger, seeds), mark(ledger, services));
    }

    private static boolean[] mark(CoinLedger ledger, Collection<String> addresses) {
        boolean[] marked = new boolean[ledger.addressCount()];
        for (String a : addresses) {
            int id = ledger.addressId(a);
            if (id >= 0) marked[id] = true;
        }
        return marked;
    }

    /** These roles with every address of a seed's cluster made a seed as well ({@code extendSeeds}). */
    AddressRoles withSeedClusters(AddressClusters clusters) {
        boolean[] extended = seed.clone();
        boolean[] seedRoot = new boolean[seed.length];
        for (int a = 0; a < seed.length; a++) if (seed[a]) seedRoot[clusters.root(a)] = true;
        for (int a = 0; a < seed.length; a++) if (seedRoot[clusters.root(a)]) extended[a] = true;
        return new AddressRoles(extended, labelled);
    }

    boolean isSeed(int address) {
        return address >= 0 && seed[address];
    }

    boolean isService(int address) {
        return address >= 0 && labelled[address] && !seed[address];
    }

    int addressCount() {
        return seed.length;
    }
}
