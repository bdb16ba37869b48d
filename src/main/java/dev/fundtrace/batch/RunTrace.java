package dev.fundtrace.batch;

import dev.fundtrace.trace.ChainTrace;
import dev.fundtrace.trace.TracedChain;
import dev.fundtrace.trace.coin.CoinTrace;

import java.util.ArrayList;
import java.util.List;

/** One run's traces: one per chain of the job, account chains (Ethereum) and UTXO chains side by side. */
record RunTrace(List<ChainTrace> accounts, List<CoinTrace> coins) {

    RunTrace {
        accounts = List.copyOf(accounts);
        coins = List.copyOf(coins);
    }

    List<TracedChain> chains() {
        List<TracedChain> all = new ArrayList<>(accounts);
        all.addAll(coins);
        return all;
    }

    int exposureCount() {
        return chains().stream().mapToInt(TracedChain::exposureCount).sum();
    }

    /** Addresses are per chain: the same text on two chains is two addresses. */
    int reachedAddresses() {
        return chains().stream().mapToInt(TracedChain::reachedAddresses).sum();
    }
}
