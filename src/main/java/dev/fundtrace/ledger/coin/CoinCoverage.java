package dev.fundtrace.ledger.coin;

import java.math.BigInteger;

/**
 * What a UTXO chain's load covered, over accepted rows only (utxo.md, "Coverage").
 *
 * @param fromBlock      first block over blocks and transactions, -1 when empty
 * @param fromTime       unix seconds of the first block, -1 when unknown
 * @param blocks         distinct block numbers in blocks files
 * @param outputValueRaw sum of all output values
 * @param feesRaw        sum of the fees of non-coinbase transactions whose fee is known
 */
public record CoinCoverage(long fromBlock, long toBlock, long fromTime, long toTime, long blocks, long transactions,
                           long coinbaseTransactions, long inputs, long outputs, long unresolvedInputs,
                           BigInteger outputValueRaw, BigInteger feesRaw) {}
