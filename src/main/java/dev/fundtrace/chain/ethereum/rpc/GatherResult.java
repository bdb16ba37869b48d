package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.store.SegmentBuilder;

import java.util.List;

/**
 * What one gather produced.
 *
 * @param builder       the new transfers as one segment (store it, then {@link RpcLedgerGatherer#commit} the checkpoints)
 * @param transfers     the same transfers as records, in (block, asset, position, sub-position) order
 * @param fromBlock     first block read
 * @param toBlock       last block read (head - confirmations at most); -1 when nothing was confirmed yet
 * @param mode          {@code trace_filter} or {@code block_scan}
 * @param expanded      addresses whose transfers were asked for
 * @param checkpoints   to save once the segment is stored
 */
public record GatherResult(SegmentBuilder builder, List<Transfer> transfers, long fromBlock, long toBlock, long head,
                           String mode, int expanded, long rpcCalls, long httpAttempts,
                           List<RpcCheckpointStore.Checkpoint> checkpoints, List<String> warnings) {}
