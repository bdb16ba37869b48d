package dev.fundtrace.ledger.store;

import dev.fundtrace.ledger.AssetInfo;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.OrderKey;
import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects transfers column by column before they are written as one ledger segment.
 * Amounts that fit 63 bits stay in a long column; larger ones go to a side list (exact, never a double).
 */
public final class SegmentBuilder {

    final Chain chain;
    final AddressDictionary addresses = new AddressDictionary();
    final List<AssetInfo> assets = new ArrayList<>();
    private final Map<String, Integer> assetIds = new HashMap<>();

    int size;
    int[] asset;
    long[] key;
    int[] from;
    int[] to;
    /** >= 0: the amount; < 0: -(index into big) - 1 */
    long[] amount;
    byte[] kind;
    byte[] txHash;
    final List<BigInteger> big = new ArrayList<>();

    int blockCount;
    long[] blockNumber = new long[256];
    long[] blockTime = new long[256];

    public SegmentBuilder(Chain chain) {
        this(chain, 1024);
    }

    /** @param expected rows expected, so ten million rows are not copied through a dozen doublings */
    public SegmentBuilder(Chain chain, int expected) {
        this(chain, expected, expected);
    }

    /**
     * @param expected        rows expected in this builder
     * @param columnCapacity  room in the columns (not the hashes) for more rows than that: the first part of a
     *                        parallel load keeps room for every part's rows, so that the in-memory ledger is
     *                        joined in its columns (see {@link ChainLedger#of})
     */
    public SegmentBuilder(Chain chain, int expected, int columnCapacity) {
        this.chain = chain;
        int n = Math.max(16, expected), columns = Math.max(n, columnCapacity);
        asset = new int[columns];
        key = new long[columns];
        from = new int[columns];
        to = new int[columns];
        amount = new long[columns];
        kind = new byte[columns];
        txHash = new byte[n * 32];
        asset(new AssetInfo(chain.nativeAsset(), chain.nativeAsset(), chain.nativeDecimals()));
    }

    public int size() { return size; }

    // Addresses staged for interning in groups (see AddressDictionary.internAll): a staged address stands in a
    // row's from/to column as -(index + 2) until resolveStaged() replaces it with its id.
    private static final int STAGE = 4096;
    private long[] staged = new long[3 * STAGE];
    private int stagedCount;
    private int firstUnresolvedRow;

    /** Stages the 20-byte address at {@code buf[off..]}; returns the placeholder to pass to {@link #add}. */
    public int stage(byte[] buf, int off) {
        if (stagedCount == STAGE) staged = Arrays.copyOf(staged, staged.length * 2); // rows still being built
        staged[3 * stagedCount] = AddressDictionary.readLong(buf, off);
        staged[3 * stagedCount + 1] = AddressDictionary.readLong(buf, off + 8);
        staged[3 * stagedCount + 2] = AddressDictionary.readInt(buf, off + 16);
        return -(stagedCount++ + 2);
    }

    /** Called between rows, when no placeholder is held outside the builder: resolves a full stage. */
    public void rowDone() {
        if (stagedCount >= STAGE) resolveStaged();
    }

    /** Interns every staged address and puts the ids in place of the placeholders. */
    public void resolveStaged() {
        if (stagedCount == 0) return;
        int[] ids = new int[stagedCount];
        addresses.internAll(staged, stagedCount, ids);
        for (int row = firstUnresolvedRow; row < size; row++) {
            if (from[row] <= -2) from[row] = ids[-from[row] - 2];
            if (to[row] <= -2) to[row] = ids[-to[row] - 2];
        }
        firstUnresolvedRow = size;
        stagedCount = 0;
        if (staged.length > 3 * STAGE) staged = new long[3 * STAGE];
    }

    private int sealedAddresses = -1;
    private long[] sealedWords;

    /**
     * Ends the build of a load's part: interns the staged addresses, sorts the block table and fixes the
     * addresses that this part's segment holds. After this, the in-memory join may take over this builder's
     * dictionary and add other parts' addresses to it (see {@link ChainLedger#of}) while the segment file is
     * still being written from the sealed ones. Does nothing the second time.
     */
    synchronized void seal() {
        normalizeBlocks();
        if (sealedAddresses < 0) {
            sealedAddresses = addresses.size();
            sealedWords = addresses.words();
        }
    }

    synchronized int sealedAddressCount() {
        seal();
        return sealedAddresses;
    }

    synchronized long[] sealedAddressWords() {
        seal();
        return sealedWords;
    }

    /**
     * The builder's columns as a segment. Trimmed, they are copies cut to size (a ledger of one segment uses them
     * as they are); untrimmed, they are the sealed part's own arrays, longer than {@code size}, for a join of
     * several parts.
     */
    Segment toSegment(boolean trim) {
        if (!trim) {
            seal();
            return new Segment(null, chain, sealedWords, sealedAddresses, List.copyOf(assets), size, asset, key, from, to,
                    amount, kind, Arrays.copyOf(blockNumber, blockCount), Arrays.copyOf(blockTime, blockCount),
                    List.copyOf(big), hashes());
        }
        normalizeBlocks(); // resolves staged addresses first
        long[] words = new long[3 * addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            for (int k = 0; k < 3; k++) words[3 * i + k] = addresses.word(i, k);
        }
        return new Segment(null, chain, words, addresses.size(), List.copyOf(assets), size, Arrays.copyOf(asset, size), Arrays.copyOf(key, size),
                Arrays.copyOf(from, size), Arrays.copyOf(to, size), Arrays.copyOf(amount, size), Arrays.copyOf(kind, size),
                Arrays.copyOf(blockNumber, blockCount), Arrays.copyOf(blockTime, blockCount), List.copyOf(big), hashes());
    }

    private java.nio.ByteBuffer hashes() {
        return java.nio.ByteBuffer.wrap(txHash, 0, size * 32).slice();
    }

    public AddressDictionary addresses() { return addresses; }

    /** Registers an asset (or updates its metadata) and returns its id in this segment. */
    public int asset(AssetInfo info) {
        Integer id = assetIds.get(info.asset());
        if (id != null) {
            AssetInfo old = assets.get(id);
            if (old.decimals() < 0 && info.decimals() >= 0 || old.symbol() == null && info.symbol() != null) {
                assets.set(id, info);
            }
            return id;
        }
        assets.add(info);
        assetIds.put(info.asset(), assets.size() - 1);
        return assets.size() - 1;
    }

    public int assetId(String assetKey) {
        Integer id = assetIds.get(assetKey);
        return id != null ? id : asset(new AssetInfo(assetKey, null, -1));
    }

    /** Adds one transfer from parsed columns; {@code bigAmount} is non-null only when it does not fit a long. */
    public void add(int assetId, long orderKey, int fromId, int toId, long smallAmount, BigInteger bigAmount,
                    byte[] hash, int hashOff, TransferKind k) {
        if (size == key.length) growColumns();
        if (size == txHash.length / 32) txHash = Arrays.copyOf(txHash, 32 * (size + (size >> 1) + 16));
        asset[size] = assetId;
        key[size] = orderKey;
        from[size] = fromId;
        to[size] = toId;
        if (bigAmount != null) {
            big.add(bigAmount);
            amount[size] = -big.size();
        } else {
            amount[size] = smallAmount;
        }
        kind[size] = (byte) k.ordinal();
        System.arraycopy(hash, hashOff, txHash, size * 32, 32);
        size++;
    }

    /** Adds one transfer given as a record (the node path, where volumes are small). */
    public void add(Transfer t) {
        long k = OrderKey.of(t.blockNumber(), t.position(), t.subPosition());
        if (k < 0) throw new IllegalArgumentException("order out of range: " + t);
        byte[] hash = Hex.bytes(t.txHash(), 32);
        if (hash == null) throw new IllegalArgumentException("bad tx hash: " + t.txHash());
        int a = assetId(t.asset());
        boolean small = t.amount().bitLength() < 64;
        add(a, k, addresses.intern(t.from()), addresses.intern(t.to()), small ? t.amount().longValue() : 0,
                small ? null : t.amount(), hash, 0, t.kind());
        if (t.blockTime() != null) blockTime(t.blockNumber(), t.blockTime().getEpochSecond());
    }

    /** The transaction hashes, 32 bytes per row. */
    public byte[] txHashes() { return txHash; }

    public void setKind(int row, TransferKind k) { kind[row] = (byte) k.ordinal(); }

    /** Drops the marked rows (rare: refused after the fact), keeping the others in order. */
    public void removeMarked(boolean[] drop) {
        resolveStaged();
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (drop[i]) continue;
            asset[n] = asset[i];
            key[n] = key[i];
            from[n] = from[i];
            to[n] = to[i];
            amount[n] = amount[i];
            kind[n] = kind[i];
            System.arraycopy(txHash, i * 32, txHash, n * 32, 32);
            n++;
        }
        size = n;
    }

    /** Records a block's timestamp; repeated calls for the same block are cheap. */
    public void blockTime(long number, long epochSeconds) {
        if (blockCount > 0 && blockNumber[blockCount - 1] == number) return;
        if (blockCount == blockNumber.length) {
            blockNumber = Arrays.copyOf(blockNumber, blockCount * 2);
            blockTime = Arrays.copyOf(blockTime, blockCount * 2);
        }
        blockNumber[blockCount] = number;
        blockTime[blockCount] = epochSeconds;
        blockCount++;
    }

    /** Sorted, de-duplicated block table (later entries for a block win); does nothing the second time. */
    synchronized void normalizeBlocks() {
        resolveStaged();
        boolean sorted = true;
        for (int i = 1; i < blockCount && sorted; i++) sorted = blockNumber[i] > blockNumber[i - 1];
        if (sorted) return;
        long[][] pairs = new long[blockCount][];
        for (int i = 0; i < blockCount; i++) pairs[i] = new long[]{blockNumber[i], blockTime[i]};
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
        int n = 0;
        for (long[] p : pairs) {
            if (n > 0 && blockNumber[n - 1] == p[0]) { blockTime[n - 1] = p[1]; continue; }
            blockNumber[n] = p[0];
            blockTime[n] = p[1];
            n++;
        }
        blockCount = n;
    }

    private void growColumns() {
        int n = key.length + (key.length >> 1) + 16;
        asset = Arrays.copyOf(asset, n);
        key = Arrays.copyOf(key, n);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        amount = Arrays.copyOf(amount, n);
        kind = Arrays.copyOf(kind, n);
    }
}
