package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** A segment read back from disk: columns as arrays, ids local to the segment. */
record Segment(Path file, Chain chain, long[] addressWords, List<AssetInfo> assets, int size, int[] asset, long[] key,
               int[] from, int[] to, long[] amount, byte[] kind, long[] blockNumber, long[] blockTime,
               List<BigInteger> big, ByteBuffer txHashes) {}
