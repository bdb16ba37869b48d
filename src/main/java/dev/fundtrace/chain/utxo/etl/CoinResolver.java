package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.ledger.coin.CoinLedger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Links the rows into one chain (utxo.md, "What the rows mean" and "Bad rows"), block by block in block order:
 * duplicate txids in a block, positions, then each transaction after the in-block parents it spends (Bitcoin
 * Cash orders a block by txid, so a child may come first), refusing double spends, coins from later blocks,
 * unknown output indexes, inputs that disagree with the output they spend and outputs above the inputs. A
 * refused row contributes nothing: its children resolve from their own enrichment. A txid seen again in a later
 * block replaces the earlier transaction's unspent outputs (BIP30).
 */
final class CoinResolver {

    /** A row refused while linking, and why. */
    record Refusal(EtlTransaction row, String reason) {}

    record Result(CoinLedger ledger, List<Refusal> refusals) {}

    private final CoinLedger.Builder ledger;
    private final List<String> warnings;
    private TxidTable txids;
    private final Set<InputSource.Outpoint> spentExternal = new HashSet<>();
    private final Map<Long, Long> blockTimes = new HashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<Object> claims = new ArrayList<>();
    private final ExactSum outputValue = new ExactSum(), fees = new ExactSum();
    private long fromBlock = -1, toBlock = -1, fromTime = -1, toTime = -1;
    private long transactions, coinbases, inputs, outputs, unresolved;
    private int coins;
    private long blocksByFileOrder;

    CoinResolver(Chain chain, List<String> warnings) {
        this.ledger = CoinLedger.builder(chain);
        this.warnings = warnings;
    }

    /** {@code chunks} in file order. */
    Result resolve(List<ParsedChunk> chunks, List<EtlBlock> blocks) {
        Set<Long> blockNumbers = new HashSet<>();
        for (EtlBlock b : blocks) {
            blockNumbers.add(b.number());
            if (b.timestamp() >= 0) blockTimes.putIfAbsent(b.number(), b.timestamp());
            span(b.number(), b.timestamp());
        }
        RowOrder order = RowOrder.byBlock(chunks);
        txids = new TxidTable(order.size());
        for (int i = 0; i < order.size(); i++) txids.add(order.hash(i), order.block(i));
        for (int a = 0; a < order.size(); ) {
            // one block's rows at a time are objects again: they die young, once linked
            List<EtlTransaction> rows = new ArrayList<>();
            int b = a;
            while (b < order.size() && order.block(b) == order.block(a)) rows.add(order.row(b++));
            block(rows);
            a = b;
        }
        if (unresolved > 0) {
            warnings.add(unresolved + " inputs spend coins from before the export without a stated value (the export "
                    + "was not enriched): they are unresolved and traced as clean");
        }
        if (blocksByFileOrder > 0) {
            warnings.add(blocksByFileOrder + " blocks have rows without index: their positions are the rows' file order");
        }
        CoinCoverage coverage = new CoinCoverage(fromBlock, toBlock, fromTime, toTime, blockNumbers.size(), transactions,
                coinbases, inputs, outputs, unresolved, outputValue.value(), fees.value());
        return new Result(ledger.build(coverage), refusals);
    }

    private void block(List<EtlTransaction> rows) {
        long number = rows.get(0).block();
        Map<Txid, EtlTransaction> inBlock = new HashMap<>();
        List<EtlTransaction> candidates = new ArrayList<>(rows.size());
        int[] ordinal = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            EtlTransaction r = rows.get(i);
            if (inBlock.putIfAbsent(r.hash(), r) != null) {
                refuse(r, "transaction " + r.hash() + " appears twice in block " + number + "; this later row is refused");
            } else {
                ordinal[candidates.size()] = i;
                candidates.add(r);
            }
        }
        int[] position = positions(rows, candidates, ordinal, number);
        // positions are distinct and non-negative: sorting (position, candidate) pairs packed in longs needs no boxing
        long[] order = new long[candidates.size()];
        for (int i = 0; i < order.length; i++) order[i] = (long) position[i] << 32 | i;
        Arrays.sort(order);
        EtlTransaction[] tx = new EtlTransaction[order.length];
        int[] pos = new int[order.length];
        for (int i = 0; i < order.length; i++) { tx[i] = candidates.get((int) order[i]); pos[i] = (int) (order[i] >>> 32); }

        TxRecord[] accepted = new TxRecord[tx.length];
        InputSource[][] sources = new InputSource[tx.length][];
        Map<Txid, TxRecord> inBlockAccepted = new HashMap<>();
        for (int i : spendingOrder(tx, inBlock, number)) {
            sources[i] = decide(tx[i], number, inBlockAccepted);
            if (sources[i] != null) {
                accepted[i] = new TxRecord(tx[i], pos[i]);
                inBlockAccepted.put(tx[i].hash(), accepted[i]);
            }
        }
        emit(number, tx, accepted, sources);
    }

    /** Each row's position: its index, or its 0-based file order in the block when a row lacks one. */
    private int[] positions(List<EtlTransaction> rows, List<EtlTransaction> candidates, int[] ordinal, long number) {
        int[] position = new int[candidates.size()];
        boolean indexed = rows.stream().allMatch(r -> r.index() >= 0);
        if (indexed) {
            for (int i = 0; i < position.length; i++) position[i] = (int) candidates.get(i).index();
            int[] sorted = position.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length && indexed; i++) indexed = sorted[i] != sorted[i - 1];
            if (indexed) return position;
            warnings.add("block " + number + " has two transactions with the same index: its positions are the rows' file order");
        } else {
            blocksByFileOrder++;
        }
        for (int i = 0; i < position.length; i++) position[i] = ordinal[i];
        return position;
    }

    /**
     * The order in which a block's transactions are decided: position order, except that a transaction waits for
     * the transactions of the same block whose outputs it spends. Rows in a spending cycle are refused.
     */
    private int[] spendingOrder(EtlTransaction[] tx, Map<Txid, EtlTransaction> inBlock, long number) {
        int[] pending = new int[tx.length];
        List<List<Integer>> children = null;
        Map<Txid, Integer> slot = null;
        for (int i = 0; i < tx.length; i++) {
            Set<Txid> parents = null;
            for (EtlInput in : tx[i].inputs()) {
                Txid p = in.spent();
                if (p == null || !inBlock.containsKey(p) || p.equals(tx[i].hash())) continue;
                if (slot == null) {
                    slot = new HashMap<>();
                    for (int j = 0; j < tx.length; j++) slot.put(tx[j].hash(), j);
                    children = new ArrayList<>();
                    for (int j = 0; j < tx.length; j++) children.add(new ArrayList<>(1));
                }
                if (parents == null) parents = new HashSet<>();
                if (parents.add(p)) {
                    pending[i]++;
                    children.get(slot.get(p)).add(i);
                }
            }
        }
        int[] order = new int[tx.length];
        if (slot == null) {
            for (int i = 0; i < order.length; i++) order[i] = i;
            return order;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < tx.length; i++) if (pending[i] == 0) ready.add(i);
        int n = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[n++] = i;
            for (int c : children.get(i)) if (--pending[c] == 0) ready.add(c);
        }
        for (int i = 0; i < tx.length; i++) {
            if (pending[i] > 0) refuse(tx[i], "transaction " + tx[i].hash() + " is part of a spending cycle inside block " + number);
        }
        return Arrays.copyOf(order, n);
    }

    /** The sources of an accepted transaction's inputs, or null when it is refused (and then nothing changed). */
    private InputSource[] decide(EtlTransaction t, long number, Map<Txid, TxRecord> inBlockAccepted) {
        EtlInput[] ins = t.inputs();
        InputSource[] src = new InputSource[ins.length];
        ExactSum in = new ExactSum();
        boolean allKnown = true;
        claims.clear();
        String refusal = null;
        for (int k = 0; k < ins.length && refusal == null; k++) {
            EtlInput x = ins[k];
            if (x.shielded()) {
                src[k] = new InputSource.Shielded(x.value());
                in.add(x.value());
                continue;
            }
            TxRecord parent = inBlockAccepted.get(x.spent());
            if (parent == null) {
                int slot = txids.find(x.spent());
                if (slot >= 0) parent = txids.live(slot);
                if (parent == null && slot >= 0 && txids.firstBlock(slot) > number) {
                    refusal = "input " + k + " spends " + x.spent() + ":" + x.vout() + ", a coin created in a later block ("
                            + txids.firstBlock(slot) + ")";
                    break;
                }
            }
            if (parent != null) {
                EtlOutput[] outs = parent.outputs;
                if (x.vout() >= outs.length) {
                    refusal = "input " + k + " spends output " + x.vout() + " of " + x.spent() + ", which has only "
                            + outs.length + " outputs";
                } else if (parent.spent[x.vout()]) {
                    refusal = "input " + k + " spends " + x.spent() + ":" + x.vout() + ", which an earlier transaction already spent";
                } else if (x.value() != EtlInput.UNSTATED && x.value() != outs[x.vout()].value()) {
                    refusal = "input " + k + " states value " + x.value() + " for " + x.spent() + ":" + x.vout() + ", but that output holds "
                            + outs[x.vout()].value();
                } else if (x.statesAddresses() && !Arrays.equals(x.addresses(), outs[x.vout()].addresses())) {
                    refusal = "input " + k + " states addresses " + Arrays.toString(x.addresses()) + " for " + x.spent() + ":" + x.vout()
                            + ", but that output has " + Arrays.toString(outs[x.vout()].addresses());
                } else {
                    parent.spent[x.vout()] = true;
                    InputSource.Loaded loaded = new InputSource.Loaded(parent, x.vout());
                    claims.add(loaded);
                    src[k] = loaded;
                    in.add(outs[x.vout()].value());
                }
            } else {
                InputSource.Outpoint op = new InputSource.Outpoint(x.spent(), x.vout());
                if (!spentExternal.add(op)) {
                    refusal = "input " + k + " spends " + x.spent() + ":" + x.vout() + ", which an earlier transaction already spent";
                } else {
                    claims.add(op);
                    src[k] = new InputSource.External(x.spent(), x.vout(), x.value(), x.holder());
                    if (x.value() == EtlInput.UNSTATED) allKnown = false;
                    else in.add(x.value());
                }
            }
        }
        ExactSum out = new ExactSum();
        for (EtlOutput o : t.outputs()) out.add(o.value());
        if (refusal == null && !t.coinbase() && allKnown && out.compareTo(in) > 0) {
            refusal = "the outputs (" + out.value() + ") exceed the inputs (" + in.value() + ")";
        }
        if (refusal != null) {
            for (Object c : claims) {
                if (c instanceof InputSource.Loaded l) l.parent().spent[l.vout()] = false;
                else spentExternal.remove(c);
            }
            refuse(t, refusal);
            return null;
        }
        outputValue.add(out.value());
        if (!t.coinbase() && allKnown) fees.add(in.value().subtract(out.value()));
        return src;
    }

    /** Adds a block's accepted transactions in position order, their outputs, then their inputs. */
    private void emit(long number, EtlTransaction[] rows, TxRecord[] accepted, InputSource[][] sources) {
        for (int i = 0; i < accepted.length; i++) {
            TxRecord r = accepted[i];
            if (r == null) continue;
            EtlTransaction t = rows[i];
            long time = t.time() >= 0 ? t.time() : blockTimes.getOrDefault(number, -1L);
            r.ledgerTx = ledger.transaction(t.hash().bytes(), number, r.position, time, t.coinbase());
            r.outputStart = coins;
            for (EtlOutput o : t.outputs()) ledger.output(r.ledgerTx, o.value(), o.holder());
            coins += t.outputs().length;
            txids.setLive(txids.find(t.hash()), r);
            transactions++;
            if (t.coinbase()) coinbases++;
            inputs += t.inputs().length;
            outputs += t.outputs().length;
            span(number, time);
        }
        for (int i = 0; i < accepted.length; i++) {
            if (accepted[i] == null) continue;
            int tx = accepted[i].ledgerTx;
            for (InputSource s : sources[i]) {
                switch (s) {
                    case InputSource.Loaded l -> ledger.inputSpending(tx, l.parent().outputStart + l.vout());
                    case InputSource.External e -> {
                        if (e.value() == EtlInput.UNSTATED) unresolved++;
                        ledger.inputSpendingExternal(tx, e.txid().bytes(), e.vout(), e.value(), e.holder());
                    }
                    case InputSource.Shielded z -> ledger.inputShielded(tx, z.value());
                }
            }
        }
    }

    private void span(long block, long time) {
        if (fromBlock < 0 || block < fromBlock) { fromBlock = block; fromTime = time; }
        else if (block == fromBlock && fromTime < 0) fromTime = time;
        if (block > toBlock) { toBlock = block; toTime = time; }
        else if (block == toBlock && toTime < 0) toTime = time;
    }

    private void refuse(EtlTransaction row, String reason) {
        refusals.add(new Refusal(row, reason));
    }
}
