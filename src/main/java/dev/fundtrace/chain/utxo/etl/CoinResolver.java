package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.ledger.coin.IntMinHeap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the rows into one chain (utxo.md, "What the rows mean" and "Bad rows"), block by block in block order:
 * duplicate txids in a block, positions, then each transaction after the in-block parents it spends (Bitcoin
 * Cash orders a block by txid, so a child may come first), refusing double spends, coins from later blocks,
 * unknown output indexes, inputs that disagree with the output they spend and outputs above the inputs. A
 * refused row contributes nothing: its children resolve from their own enrichment. A txid seen again in a later
 * block replaces the earlier transaction's unspent outputs (BIP30).
 *
 * <p>Everything is read from the export's columns by row, input and output number; the transactions of a block
 * are its candidates (rows less the duplicates), numbered in position order.
 */
final class CoinResolver {

    /** A row refused while linking, and why. */
    record Refusal(int row, String reason) {}

    record Result(CoinLedger ledger, List<Refusal> refusals) {}

    /** An input's source: a coin from before the export, or a shielded input; a loaded parent is its row (>= 0). */
    private static final int EXTERNAL = -1, SHIELDED = -2;
    /** {@link #holderIds}: not met yet, or not a holder (a pseudo-address) */
    private static final int UNSEEN = 0, PSEUDO = -1;
    /** {@link #emitTransactions}: the block had no accepted transaction (times are -1 or unix seconds) */
    private static final long NONE_ACCEPTED = Long.MIN_VALUE;

    private final Chain chain;
    private final List<String> warnings;
    private final List<Refusal> refusals = new ArrayList<>();
    private final ExactSum outputValue = new ExactSum(), fees = new ExactSum(), in = new ExactSum(), out = new ExactSum();
    private final Map<Long, Long> blockTimes = new HashMap<>();
    private final Set<Outpoint> spentExternal = new HashSet<>();
    private long fromBlock = -1, toBlock = -1, fromTime = -1, toTime = -1;
    private long transactions, coinbases, inputs, outputs, unresolved;
    private long blocksByFileOrder;
    private int coins;

    private TxColumns rows;
    private LedgerAddresses names;
    private CoinLedger.Builder ledger;
    private TxidTable txids;
    /** per row: its txid's slot; the ledger id of its first output once added */
    private int[] rowSlot, coinStart;
    /** per input: its outpoint's txid slot (-1 when not in the export), then its source */
    private int[] inputSlot, source;
    private boolean[] outputSpent;
    /** per address key: its ledger holder id + 1, or UNSEEN or PSEUDO */
    private int[] holderIds;
    /** the claims of the transaction being decided: output numbers, then the outpoints from before the export */
    private int[] claimedOutputs = new int[16];
    private final List<Outpoint> claimedExternal = new ArrayList<>();
    private final BlockArrays arrays = new BlockArrays();

    /** An outpoint from before the export, as the set of spent ones keys it. */
    private record Outpoint(long a, long b, long c, long d, int vout) {}

    CoinResolver(Chain chain, List<String> warnings) {
        this.chain = chain;
        this.warnings = warnings;
    }

    /**
     * {@code rows}: the export's accepted transactions rows in file order; {@code read}: the index of their txids
     * the reading filled, used when it holds them all in link order (null for none).
     */
    Result resolve(TxColumns rows, RowIndex read, LedgerAddresses names, List<EtlBlock> blocks) {
        this.rows = rows;
        this.names = names;
        int n = rows.size();
        ledger = CoinLedger.builder(chain, n, rows.outputCount(), rows.inputCount());
        Set<Long> blockNumbers = new HashSet<>();
        for (EtlBlock b : blocks) {
            blockNumbers.add(b.number());
            if (b.timestamp() >= 0) blockTimes.putIfAbsent(b.number(), b.timestamp());
            span(b.number(), b.timestamp());
        }
        RowOrder order = RowOrder.byBlock(rows);
        // every txid with its first block before linking, for the "coin created in a later block" refusal
        RowIndex index = read != null && order.inFileOrder() && read.coversInFileOrder(n) ? read : RowIndex.of(rows, order);
        txids = index.txids;
        rowSlot = index.rowSlot;
        coinStart = new int[n];
        inputSlot = new int[rows.inputCount()];
        source = new int[rows.inputCount()];
        outputSpent = new boolean[rows.outputCount()];
        holderIds = new int[names.size()];
        int[] blockRows = new int[16];
        for (int a = 0, rank = 0; a < n; rank++) {
            long number = rows.block(order.row(a));
            int b = a;
            while (b < n && rows.block(order.row(b)) == number) b++;
            if (blockRows.length < b - a) blockRows = new int[b - a];
            for (int i = a; i < b; i++) blockRows[i - a] = order.row(i);
            block(blockRows, b - a, number, rank, index);
            a = b;
        }
        if (unresolved > 0) {
            warnings.add(unresolved + " inputs spend coins from before the export without a stated value (the export "
                    + "was not enriched): they are unresolved and traced as clean");
        }
        if (blocksByFileOrder > 0) {
            warnings.add(blocksByFileOrder + " blocks have rows without index: their positions are the rows' file order");
        }
        // the ledger looks addresses up by text through the keys the rows were read with, instead of a map of its own
        // (locals, not fields: the lookup keeps the keys alive, not the resolver and its rows)
        int[] holders = holderIds;
        LedgerAddresses keys = names;
        ledger.addressIndex(canonical -> {
            int key = keys.keyOf(canonical);
            return key < 0 || holders[key] <= 0 ? -1 : holders[key] - 1;
        });
        CoinCoverage coverage = new CoinCoverage(fromBlock, toBlock, fromTime, toTime, blockNumbers.size(), transactions,
                coinbases, inputs, outputs, unresolved, outputValue.value(), fees.value());
        return new Result(ledger.build(coverage), refusals);
    }

    /** Links one block: {@code blockRows[0..count)} are its rows in file order. */
    private void block(int[] blockRows, int count, long number, int rank, RowIndex index) {
        BlockArrays a = arrays.fit(count);
        int[] candidates = a.candidates, ordinal = a.ordinal;
        int c = 0;
        boolean indexed = true;
        for (int i = 0; i < count; i++) {
            int g = blockRows[i];
            indexed &= rows.index(g) >= 0;
            int slot = rowSlot[g];
            if (txids.currentRank(slot) == rank) {
                refuse(g, "transaction " + rows.hash(g) + " appears twice in block " + number + "; this later row is refused");
            } else {
                txids.setCurrentRank(slot, rank);
                ordinal[c] = i;
                candidates[c++] = g;
            }
        }
        int[] position = positions(a, c, indexed, number);
        // positions are distinct and non-negative: sorting (position, candidate) pairs packed in longs needs no boxing
        long[] sorted = a.sorted;
        for (int i = 0; i < c; i++) sorted[i] = (long) position[i] << 32 | i;
        Arrays.sort(sorted, 0, c);
        int[] tx = a.tx, pos = a.pos;
        for (int i = 0; i < c; i++) {
            tx[i] = candidates[(int) sorted[i]];
            pos[i] = (int) (sorted[i] >>> 32);
            txids.setCandidate(rowSlot[tx[i]], i);
        }
        boolean[] accepted = a.accepted;
        Arrays.fill(accepted, 0, c, false);
        int decided = spendingOrder(a, c, rank, number);
        for (int k = 0; k < decided; k++) {
            int i = a.order[k];
            accepted[i] = decide(tx[i], rank, tx, accepted, index);
        }
        emit(number, a, c);
    }

    /** Each candidate's position: its index, or its 0-based file order in the block when a row lacks one. */
    private int[] positions(BlockArrays a, int count, boolean indexed, long number) {
        int[] position = a.position;
        if (indexed) {
            for (int i = 0; i < count; i++) position[i] = rows.index(a.candidates[i]);
            int[] sorted = a.sortedPositions;
            System.arraycopy(position, 0, sorted, 0, count);
            Arrays.sort(sorted, 0, count);
            for (int i = 1; i < count && indexed; i++) indexed = sorted[i] != sorted[i - 1];
            if (indexed) return position;
            warnings.add("block " + number + " has two transactions with the same index: its positions are the rows' file order");
        } else {
            blocksByFileOrder++;
        }
        System.arraycopy(a.ordinal, 0, position, 0, count);
        return position;
    }

    /**
     * The order in which a block's transactions are decided, into {@code a.order}; returns how many are decided:
     * position order, except that a transaction waits for the transactions of the same block whose outputs it
     * spends. Rows in a spending cycle are refused (not decided). Also looks up every input's outpoint, once.
     */
    private int spendingOrder(BlockArrays a, int count, int rank, long number) {
        long[] spent = rows.spentWords();
        int[] tx = a.tx, pending = a.pending, childCount = a.childCount, order = a.order;
        int[][] children = a.children;
        Arrays.fill(pending, 0, count, 0);
        Arrays.fill(childCount, 0, count, 0);
        boolean linked = false;
        for (int i = 0; i < count; i++) {
            int own = rowSlot[tx[i]];
            int first = rows.firstInput(tx[i]), end = rows.firstInput(tx[i] + 1);
            for (int k = first; k < end; k++) {
                int slot = rows.shielded(k) ? -1 : txids.find(spent, 4 * k);
                inputSlot[k] = slot;
                if (slot < 0 || slot == own || txids.currentRank(slot) != rank) continue;
                if (sameParentEarlier(first, k, slot)) continue;
                linked = true;
                int parent = txids.candidate(slot);
                pending[i]++;
                if (children[parent] == null) children[parent] = new int[2];
                else if (childCount[parent] == children[parent].length) children[parent] = Arrays.copyOf(children[parent], childCount[parent] * 2);
                children[parent][childCount[parent]++] = i;
            }
        }
        if (!linked) {
            for (int i = 0; i < count; i++) order[i] = i;
            return count;
        }
        IntMinHeap ready = a.ready;
        for (int i = 0; i < count; i++) if (pending[i] == 0) ready.add(i);
        int n = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[n++] = i;
            for (int k = 0; k < childCount[i]; k++) if (--pending[children[i][k]] == 0) ready.add(children[i][k]);
        }
        for (int i = 0; i < count; i++) {
            if (pending[i] > 0) refuse(tx[i], "transaction " + rows.hash(tx[i]) + " is part of a spending cycle inside block " + number);
        }
        return n;
    }

    /** Whether an earlier input of the same transaction already spends from that parent (a parent counts once). */
    private boolean sameParentEarlier(int first, int k, int slot) {
        for (int j = first; j < k; j++) if (inputSlot[j] == slot) return true;
        return false;
    }

    /** Decides a transaction (row {@code g}); an accepted one has its inputs' sources set, a refused one changed nothing. */
    private boolean decide(int g, int rank, int[] tx, boolean[] accepted, RowIndex index) {
        int first = rows.firstInput(g), end = rows.firstInput(g + 1);
        in.clear();
        boolean allKnown = true;
        int claims = 0;
        claimedExternal.clear();
        String refusal = null;
        for (int i = first; i < end && refusal == null; i++) {
            int k = i - first;
            long value = rows.inputValue(i);
            if (rows.shielded(i)) {
                source[i] = SHIELDED;
                in.add(value);
                continue;
            }
            int slot = inputSlot[i];
            int parent = -1;
            if (slot >= 0) {
                if (txids.currentRank(slot) == rank && accepted[txids.candidate(slot)]) parent = tx[txids.candidate(slot)];
                else parent = txids.live(slot);
                if (parent < 0 && txids.firstRank(slot) > rank) {
                    refusal = "input " + k + " spends " + rows.spent(i) + ":" + rows.vout(i) + ", a coin created in a later block ("
                            + index.block(txids.firstRank(slot)) + ")";
                    break;
                }
            }
            int vout = rows.vout(i);
            if (parent >= 0) {
                int outs = rows.firstOutput(parent + 1) - rows.firstOutput(parent);
                int o = rows.firstOutput(parent) + vout;
                if (vout >= outs) {
                    refusal = "input " + k + " spends output " + vout + " of " + rows.spent(i) + ", which has only " + outs + " outputs";
                } else if (outputSpent[o]) {
                    refusal = "input " + k + " spends " + rows.spent(i) + ":" + vout + ", which an earlier transaction already spent";
                } else if (value != EtlInput.UNSTATED && value != rows.outputValue(o)) {
                    refusal = "input " + k + " states value " + value + " for " + rows.spent(i) + ":" + vout + ", but that output holds "
                            + rows.outputValue(o);
                } else if (statesAddresses(i) && !sameAddresses(i, o)) {
                    refusal = "input " + k + " states addresses " + Arrays.toString(inputNames(i)) + " for " + rows.spent(i) + ":" + vout
                            + ", but that output has " + Arrays.toString(outputNames(o));
                } else {
                    outputSpent[o] = true;
                    if (claims == claimedOutputs.length) claimedOutputs = Arrays.copyOf(claimedOutputs, claims * 2);
                    claimedOutputs[claims++] = o;
                    source[i] = parent;
                    in.add(rows.outputValue(o));
                }
            } else {
                long[] w = rows.spentWords();
                Outpoint op = new Outpoint(w[4 * i], w[4 * i + 1], w[4 * i + 2], w[4 * i + 3], vout);
                if (!spentExternal.add(op)) {
                    refusal = "input " + k + " spends " + rows.spent(i) + ":" + vout + ", which an earlier transaction already spent";
                } else {
                    claimedExternal.add(op);
                    source[i] = EXTERNAL;
                    if (value == EtlInput.UNSTATED) allKnown = false;
                    else in.add(value);
                }
            }
        }
        out.clear();
        for (int o = rows.firstOutput(g); o < rows.firstOutput(g + 1); o++) out.add(rows.outputValue(o));
        boolean coinbase = rows.coinbase(g);
        if (refusal == null && !coinbase && allKnown && out.compareTo(in) > 0) {
            refusal = "the outputs (" + out.value() + ") exceed the inputs (" + in.value() + ")";
        }
        if (refusal != null) {
            for (int c = 0; c < claims; c++) outputSpent[claimedOutputs[c]] = false;
            spentExternal.removeAll(claimedExternal);
            refuse(g, refusal);
            return false;
        }
        outputValue.add(out);
        if (!coinbase && allKnown) fees.addDifference(in, out);
        return true;
    }

    /** A plain export writes {@code addresses: []} and {@code value: null}: that states nothing. */
    private boolean statesAddresses(int i) {
        return !rows.unstated(i) && (rows.inputValue(i) != EtlInput.UNSTATED || rows.inputAddressEnd(i) > rows.inputAddressStart(i));
    }

    /**
     * Canonical forms compared in order: one key per form. A loop, not Arrays.equals on ranges: most lists hold one
     * key, and the range check and vectorised mismatch cost more than that compare.
     */
    private boolean sameAddresses(int i, int o) {
        int from = rows.inputAddressStart(i), n = rows.inputAddressEnd(i) - from, at = rows.outputAddressStart(o);
        if (rows.outputAddressEnd(o) - at != n) return false;
        int[] a = rows.inputAddresses(), b = rows.outputAddresses();
        for (int k = 0; k < n; k++) if (a[from + k] != b[at + k]) return false;
        return true;
    }

    private String[] inputNames(int i) {
        return TxColumns.names(rows.inputAddresses(), rows.inputAddressStart(i), rows.inputAddressEnd(i), names);
    }

    private String[] outputNames(int o) {
        return TxColumns.names(rows.outputAddresses(), rows.outputAddressStart(o), rows.outputAddressEnd(o), names);
    }

    /**
     * Adds a block's accepted transactions ({@code a.tx[0..count)}) in position order with their outputs, then
     * their inputs (a child listed before its parent spends a coin the parent adds). Two methods, one loop each:
     * the compiler compiles a running loop on its own (on-stack replacement), once per loop of the method.
     */
    private void emit(long number, BlockArrays a, int count) {
        long firstTime = emitTransactions(number, a, count);
        // the block's span is its first stated time: span() once per block, not per transaction, where its rare
        // branches (a new block) would recompile the loop each time a block starts
        if (firstTime != NONE_ACCEPTED) span(number, firstTime);
        emitInputs(a, count);
    }

    /** Adds the transactions and their outputs; returns the first stated time (else -1), or NONE_ACCEPTED. */
    private long emitTransactions(long number, BlockArrays a, int count) {
        long[] hashes = rows.hashWords();
        int[] tx = a.tx, pos = a.pos, ledgerTx = a.ledgerTx;
        boolean[] accepted = a.accepted;
        long firstTime = NONE_ACCEPTED;
        for (int i = 0; i < count; i++) {
            if (!accepted[i]) continue;
            int g = tx[i];
            long time = rows.time(g) >= 0 ? rows.time(g) : blockTimes.getOrDefault(number, -1L);
            if (firstTime < 0) firstTime = time; // NONE_ACCEPTED is below -1 too
            int t = ledger.transaction(hashes, 4 * g, number, pos[i], time, rows.coinbase(g));
            ledgerTx[i] = t;
            coinStart[g] = coins;
            int firstOut = rows.firstOutput(g), endOut = rows.firstOutput(g + 1);
            for (int o = firstOut; o < endOut; o++) {
                ledger.output(t, rows.outputValue(o), holder(rows.outputAddresses(), rows.outputAddressStart(o), rows.outputAddressEnd(o)));
            }
            coins += endOut - firstOut;
            txids.setLive(rowSlot[g], g);
            transactions++;
            if (rows.coinbase(g)) coinbases++;
            inputs += rows.firstInput(g + 1) - rows.firstInput(g);
            outputs += endOut - firstOut;
        }
        return firstTime;
    }

    /** Adds the inputs of the block's accepted transactions, each after the block's outputs are in. */
    private void emitInputs(BlockArrays a, int count) {
        int[] tx = a.tx, ledgerTx = a.ledgerTx;
        boolean[] accepted = a.accepted;
        for (int i = 0; i < count; i++) {
            if (!accepted[i]) continue;
            int t = ledgerTx[i];
            int g = tx[i];
            for (int k = rows.firstInput(g); k < rows.firstInput(g + 1); k++) {
                int s = source[k];
                if (s >= 0) ledger.inputSpending(t, coinStart[s] + rows.vout(k));
                else if (s == SHIELDED) ledger.inputShielded(t, rows.inputValue(k));
                else {
                    long value = rows.inputValue(k);
                    if (value == EtlInput.UNSTATED) unresolved++;
                    int holder = rows.unstated(k) ? CoinLedger.NO_HOLDER
                            : holder(rows.inputAddresses(), rows.inputAddressStart(k), rows.inputAddressEnd(k));
                    ledger.inputSpendingExternal(t, rows.spent(k).bytes(), rows.vout(k), value, holder);
                }
            }
        }
    }

    /** The ledger holder of an address list: its one entry, unless a pseudo-address; else none (utxo.md). */
    private int holder(int[] keys, int from, int to) {
        if (to - from != 1) return CoinLedger.NO_HOLDER;
        int key = keys[from];
        int id = holderIds[key];
        if (id == UNSEEN) {
            id = names.isPseudo(key) ? PSEUDO : ledger.newHolder(names.name(key)) + 1;
            holderIds[key] = id;
        }
        return id == PSEUDO ? CoinLedger.NO_HOLDER : id - 1;
    }

    private void span(long block, long time) {
        if (fromBlock < 0 || block < fromBlock) { fromBlock = block; fromTime = time; }
        else if (block == fromBlock && fromTime < 0) fromTime = time;
        if (block > toBlock) { toBlock = block; toTime = time; }
        else if (block == toBlock && toTime < 0) toTime = time;
    }

    private void refuse(int row, String reason) {
        refusals.add(new Refusal(row, reason));
    }

    /**
     * The arrays linking a block uses, kept from block to block and grown for the largest: made for each block they
     * would be a few dozen megabytes of garbage over an export.
     */
    private static final class BlockArrays {
        int[] candidates = new int[0], ordinal, position, sortedPositions, tx, pos, pending, childCount, order, ledgerTx;
        long[] sorted;
        boolean[] accepted;
        /** per candidate, the candidates that spend its outputs ({@code childCount} of them); arrays kept too */
        int[][] children;
        IntMinHeap ready;

        BlockArrays fit(int count) {
            if (candidates.length >= count) return this;
            int n = Math.max(count, candidates.length * 3 / 2);
            candidates = new int[n];
            ordinal = new int[n];
            position = new int[n];
            sortedPositions = new int[n];
            tx = new int[n];
            pos = new int[n];
            pending = new int[n];
            childCount = new int[n];
            order = new int[n];
            ledgerTx = new int[n];
            sorted = new long[n];
            accepted = new boolean[n];
            children = children == null ? new int[n][] : Arrays.copyOf(children, n);
            ready = new IntMinHeap(n);
            return this;
        }
    }
}
