package dev.fundtrace.ledger.store;

import java.time.Instant;

/**
 * The catalog row of one stored segment: what was loaded, from where, and how much.
 *
 * @param fingerprint identifies the input (an export's files or a node's block range) so it is never stored twice
 */
public record SegmentInfo(String chain, String fingerprint, String fileName, String source, long transfers,
                          long reverted, long rejected, long rowsRead, long fromBlock, long toBlock,
                          Instant loadedAt) {}
