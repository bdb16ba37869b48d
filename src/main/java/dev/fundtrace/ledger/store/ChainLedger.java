package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.LedgerView;
import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stored transfer of one chain, as primitive columns with chain-wide address and asset ids.
 * Segments are concatenated, not de-duplicated: the same transfer loaded from two overlapping exports has
 * the same (asset, order key) and the graph builder keeps one.
 */
public final class ChainLedger implements LedgerView {

    private final Chain chain;
    private final AddressDictionary addresses;
    private final List<AssetInfo> assets;
    private final int size;
    private final int[] asset;
    private final long[] key;
    private final int[] from;
    private final int[] to;
    private final long[] amount;
    private final byte[] kind;
    private final List<BigInteger> big;
    private final long[] blockNumber;
    private final long[] blockTime;
    private final int[] segmentStart;
    private final ByteBuffer[] hashes;
    private final long[] denseTime;

    private ChainLedger(Chain chain, AddressDictionary addresses, List<AssetInfo> assets, int size, int[] asset,
                        long[] key, int[] from, int[] to, long[] amount, byte[] kind, List<BigInteger> big,
                        long[] blockNumber, long[] blockTime, int[] segmentStart, ByteBuffer[] hashes) {
        this.chain = chain;
        this.addresses = addresses;
        this.assets = assets;
        this.size = size;
        this.asset = asset;
        this.key = key;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.kind = kind;
        this.big = big;
        this.blockNumber = blockNumber;
        this.blockTime = blockTime;
        this.segmentStart = segmentStart;
        this.hashes = hashes;
        this.denseTime = denseTime();
    }

    /** Joins segments into one ledger with chain-wide ids. */
    static ChainLedger of(Chain chain, List<Segment> segments) {
        return of(chain, segments, null);
    }

    /**
     * Joins segments into one ledger with chain-wide ids, in place when the first segment's columns have room for
     * every row (the first part of a parallel load is sized so): the others' rows are appended there, and their
     * addresses to {@code firstDictionary} (the first segment's own, when given), instead of copying everything
     * into new columns and a new dictionary. At ten million rows that is ~450 MB less fresh memory, whose page
     * faults cost more than the copy on the benchmark machine (0.9 s).
     */
    static ChainLedger of(Chain chain, List<Segment> segments, AddressDictionary firstDictionary) {
        int total = segments.stream().mapToInt(Segment::size).sum();
        Segment first = segments.get(0);
        boolean inPlace = hasRoom(first, total);
        boolean adopt = inPlace && firstDictionary != null;
        // sized for the largest segment's addresses, a lower bound of the ledger's (the sum would overshoot:
        // segments share most of their addresses)
        AddressDictionary dict = adopt ? firstDictionary
                : new AddressDictionary(segments.stream().mapToInt(Segment::addressCount).max().orElse(0));
        List<AssetInfo> assets = new ArrayList<>();
        Map<String, Integer> assetIds = new HashMap<>();
        assets.add(new AssetInfo(chain.nativeAsset(), chain.nativeAsset(), chain.nativeDecimals()));
        assetIds.put(chain.nativeAsset(), 0);
        int[] asset = inPlace ? first.asset() : new int[total];
        long[] key = inPlace ? first.key() : new long[total];
        int[] from = inPlace ? first.from() : new int[total];
        int[] to = inPlace ? first.to() : new int[total];
        long[] amount = inPlace ? first.amount() : new long[total];
        byte[] kind = inPlace ? first.kind() : new byte[total];
        List<BigInteger> big = new ArrayList<>();
        int[] starts = new int[segments.size()];
        ByteBuffer[] hashes = new ByteBuffer[segments.size()];
        long[][] blocks = new long[2][0];
        int offset = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment seg = segments.get(s);
            boolean ownDictionary = s == 0 && adopt;
            int[] addrMap = ownDictionary ? null : new int[seg.addressCount()];
            if (!ownDictionary) dict.internAll(seg.addressWords(), seg.addressCount(), addrMap);
            int[] assetMap = new int[seg.assets().size()];
            for (int i = 0; i < assetMap.length; i++) {
                AssetInfo a = seg.assets().get(i);
                Integer id = assetIds.get(a.asset());
                if (id == null) {
                    id = assets.size();
                    assets.add(a);
                    assetIds.put(a.asset(), id);
                } else if (assets.get(id).decimals() < 0 && a.decimals() >= 0) {
                    assets.set(id, a);
                }
                assetMap[i] = id;
            }
            int bigOffset = big.size();
            big.addAll(seg.big());
            // the first segment in place with unchanged ids is left as it is: its file may be being written
            boolean unchanged = s == 0 && inPlace && (ownDictionary || isIdentity(addrMap)) && isIdentity(assetMap);
            for (int i = 0; i < seg.size() && !unchanged; i++) {
                int g = offset + i;
                asset[g] = assetMap[seg.asset()[i]];
                key[g] = seg.key()[i];
                from[g] = addrMap[seg.from()[i]];
                to[g] = addrMap[seg.to()[i]];
                long a = seg.amount()[i];
                amount[g] = a >= 0 ? a : a - bigOffset;
                kind[g] = seg.kind()[i];
            }
            blocks = mergeBlocks(blocks, seg.blockNumber(), seg.blockTime());
            starts[s] = offset;
            hashes[s] = seg.txHashes();
            offset += seg.size();
        }
        return new ChainLedger(chain, dict, List.copyOf(assets), total, asset, key, from, to, amount, kind, big,
                blocks[0], blocks[1], starts, hashes);
    }

    private static boolean hasRoom(Segment s, int rows) {
        return s.asset().length >= rows && s.key().length >= rows && s.from().length >= rows && s.to().length >= rows
                && s.amount().length >= rows && s.kind().length >= rows;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) if (map[i] != i) return false;
        return true;
    }

    /** A ledger straight from a builder, without a file: for gathering from a node and for tests. */
    public static ChainLedger of(SegmentBuilder b) {
        return of(b.chain, List.of(b.toSegment(true)));
    }

    private static long[][] mergeBlocks(long[][] acc, long[] numbers, long[] times) {
        if (acc[0].length == 0) return new long[][]{numbers, times};
        long[] n = new long[acc[0].length + numbers.length];
        long[] t = new long[n.length];
        int i = 0, j = 0, k = 0;
        while (i < acc[0].length || j < numbers.length) {
            boolean takeAcc = j >= numbers.length || (i < acc[0].length && acc[0][i] <= numbers[j]);
            long num = takeAcc ? acc[0][i] : numbers[j];
            long time = takeAcc ? acc[1][i++] : times[j++];
            if (k > 0 && n[k - 1] == num) continue;
            n[k] = num;
            t[k++] = time;
        }
        return new long[][]{Arrays.copyOf(n, k), Arrays.copyOf(t, k)};
    }

    public Chain chain() { return chain; }

    public int size() { return size; }

    public AddressDictionary addresses() { return addresses; }

    @Override
    public int addressCount() { return addresses.size(); }

    @Override
    public int addressId(String canonical) { return addresses.find(canonical); }

    @Override
    public String address(int id) { return addresses.hex(id); }

    public int assetCount() { return assets.size(); }

    public AssetInfo assetInfo(int assetId) { return assets.get(assetId); }

    /** Chain-wide id of an asset ({@code ETH} or a token address), or -1. */
    public int assetId(String asset) {
        for (int i = 0; i < assets.size(); i++) if (assets.get(i).asset().equals(asset)) return i;
        return -1;
    }

    public int asset(int i) { return asset[i]; }

    public long key(int i) { return key[i]; }

    public int from(int i) { return from[i]; }

    public int to(int i) { return to[i]; }

    public TransferKind kind(int i) { return TransferKind.of(kind[i]); }

    public boolean movesValue(int i) { return kind[i] != TransferKind.REVERTED.ordinal(); }

    /** True when the amount fits a long: {@link #smallAmount} is then exact. */
    public boolean isSmall(int i) { return amount[i] >= 0; }

    public long smallAmount(int i) { return amount[i]; }

    public BigInteger amount(int i) {
        long a = amount[i];
        return a >= 0 ? BigInteger.valueOf(a) : big.get((int) (-a - 1));
    }

    /** Compares two transfers' amounts exactly. */
    public int compareAmount(int i, BigInteger value) {
        return amount(i).compareTo(value);
    }

    public String txHash(int i) {
        int lo = 0, hi = segmentStart.length - 1; // last segment starting at or before i (skips empty ones)
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentStart[mid] <= i) lo = mid; else hi = mid - 1;
        }
        int s = lo;
        byte[] h = new byte[32];
        hashes[s].get((i - segmentStart[s]) * 32, h);
        return Hex.encode0x(h);
    }

    /** Block time in epoch seconds, or -1 when no file gave the block's timestamp. */
    public long time(int i) {
        return timeOfBlock(OrderKey.block(key[i]));
    }

    public long timeOfBlock(long block) {
        if (denseTime != null) {
            long i = block - blockNumber[0];
            return i < 0 || i >= denseTime.length ? -1 : denseTime[(int) i];
        }
        int b = Arrays.binarySearch(blockNumber, block);
        return b >= 0 ? blockTime[b] : -1;
    }

    /** Block time by direct index when the block range is small enough (the rules look times up per edge). */
    private long[] denseTime() {
        if (blockNumber.length == 0) return null;
        long span = blockNumber[blockNumber.length - 1] - blockNumber[0] + 1;
        if (span > 16_000_000) return null;
        long[] t = new long[(int) span];
        Arrays.fill(t, -1);
        for (int i = 0; i < blockNumber.length; i++) t[(int) (blockNumber[i] - blockNumber[0])] = blockTime[i];
        return t;
    }

    public long minBlock() { return blockNumber.length == 0 ? -1 : blockNumber[0]; }

    public long maxBlock() { return blockNumber.length == 0 ? -1 : blockNumber[blockNumber.length - 1]; }

    /** One transfer as a record, for evidence and reports. */
    public Transfer transfer(int i) {
        long t = time(i);
        return new Transfer(chain, assets.get(asset[i]).asset(), txHash(i), OrderKey.block(key[i]),
                OrderKey.position(key[i]), OrderKey.sub(key[i]), t < 0 ? null : Instant.ofEpochSecond(t),
                addresses.hex(from[i]), addresses.hex(to[i]), amount(i), kind(i));
    }
}
