package dev.fundtrace.ledger;

import java.math.BigInteger;

/**
 * What a trace and the flag rules may read of one chain's loaded transfers, in time order: a chain family's
 * loaders fill the store behind it, and {@code trace} and {@code rules} see only this view (ArchitectureTest).
 * Transfers are rows {@code 0..size()-1}; addresses and assets are dense ids.
 */
public interface LedgerView {

    Chain chain();

    /** How many transfers (rows). */
    int size();

    /** How many distinct addresses; their ids run from 0 to {@code addressCount() - 1}. */
    int addressCount();

    /** The id of an address in its canonical form, or -1 when the ledger has none. */
    int addressId(String canonical);

    /** The canonical form of an address id. */
    String address(int id);

    int assetCount();

    AssetInfo assetInfo(int assetId);

    /** The asset id of row {@code i}. */
    int asset(int i);

    /** The row's place in time order (block, position in the block, position in the transaction). */
    long key(int i);

    int from(int i);

    int to(int i);

    /** False for a reverted attempt: kept for coverage, it moves no value. */
    boolean movesValue(int i);

    /** True when the amount fits a long: {@link #smallAmount} is then exact. */
    boolean isSmall(int i);

    long smallAmount(int i);

    BigInteger amount(int i);

    /** Compares the row's amount with {@code value} exactly. */
    int compareAmount(int i, BigInteger value);

    String txHash(int i);

    /** Block time in epoch seconds, or -1 when the export gave none. */
    long time(int i);

    /** One transfer as a record, for evidence and reports. */
    Transfer transfer(int i);

    /** The first and last block the ledger holds (-1 when empty), and a block's time (-1 when unknown): coverage. */
    long minBlock();

    long maxBlock();

    long timeOfBlock(long block);
}
