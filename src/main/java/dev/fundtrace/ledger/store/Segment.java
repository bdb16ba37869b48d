package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A segment read back from disk or taken from a builder: columns as arrays (a builder's may be longer than
 * {@code size}), ids local to the segment, {@code addressCount} addresses as three words each in
 * {@code addressWords}.
 */
record Segment(Path file, Chain chain, long[] addressWords, int addressCount, List<AssetInfo> assets, int size, int[] asset, long[] key,
               int[] from, int[] to, long[] amount, byte[] kind, long[] blockNumber, long[] blockTime,
               List<BigInteger> big, ByteBuffer txHashes) {}
