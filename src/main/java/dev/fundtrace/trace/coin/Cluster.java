package dev.fundtrace.trace.coin;

import java.util.List;

/**
 * One multi-input cluster that holds a seed (utxo.md, "Address clustering"). Every list is sorted by byte order.
 *
 * @param seeds             the designated seeds in it (not the addresses {@code extendSeeds} made seeds)
 * @param addresses         every address of the cluster, seeds included
 * @param evidence          txids of the transactions that linked two or more of its addresses
 * @param excludedCoinJoins txids of the CoinJoin-shaped transactions that spent a coin of one of its addresses
 */
public record Cluster(String chain, List<String> seeds, int size, List<String> addresses, List<String> evidence,
                      List<String> excludedCoinJoins, String heuristic) {

    public static final String HEURISTIC = "multi-input; CoinJoin-shaped transactions excluded";

    public Cluster {
        seeds = List.copyOf(seeds);
        addresses = List.copyOf(addresses);
        evidence = List.copyOf(evidence);
        excludedCoinJoins = List.copyOf(excludedCoinJoins);
    }
}
