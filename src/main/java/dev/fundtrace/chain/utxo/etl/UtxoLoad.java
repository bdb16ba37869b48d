package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.rejects.Rejection;

import java.util.List;

/**
 * One UTXO chain's loaded export.
 *
 * @param ledger     the accepted transactions, inputs and coins, with their coverage
 * @param rejections refused rows in file order (file relative to the chain folder, 1-based line, reason, text)
 * @param rowsRead   non-empty lines read from the chain's block and transaction files: the chain's rows
 * @param warnings   facts an analyst must know about this export (skipped plain files, unresolved inputs, …)
 */
public record UtxoLoad(CoinLedger ledger, List<Rejection> rejections, long rowsRead, List<String> warnings) {}
