package dev.fundtrace.chain.utxo.etl;

import java.util.Arrays;

/**
 * Accepted transactions rows as columns of primitives, addresses as {@link LedgerAddresses} keys: filled row by
 * row by a parse thread (one per chunk in flight, reused), then appended in file order into the export's
 * columns, which the resolver reads by row number. No object per row, input or output survives the parse.
 *
 * <p>A row is written in three steps: its inputs and outputs ({@link #input}, {@link #output}, each after its
 * address keys), then {@link #endRow}; {@link #dropRow} forgets what the row wrote so far.
 */
final class TxColumns {

    static final byte UNSTATED = 1, SHIELDED = 2;

    private int rows;
    private long[] hash;
    private long[] block, time, offset;
    private int[] index, chunk, line, length;
    /** 1 for a coinbase, else 0 (a byte, so that the scanner stores what it computed without a branch) */
    private byte[] coinbase;
    /** row r's inputs are [firstInput[r], firstInput[r + 1]); likewise its outputs */
    private int[] firstInput, firstOutput;

    private int inputs;
    private long[] spent;
    private long[] inputValue;
    private int[] vout;
    /** {@link #UNSTATED} (addresses null), {@link #SHIELDED} (no outpoint) */
    private byte[] inputFlags;
    /** input i's address keys are inputAddress[inputAddressStart[i] .. inputAddressStart[i + 1]) */
    private int[] inputAddressStart, inputAddress;
    private int inputAddresses;

    private int outputs;
    private long[] outputValue;
    private int[] outputAddressStart, outputAddress;
    private int outputAddresses;

    TxColumns(int rows, int inputs, int outputs) {
        rows = Math.max(rows, 16);
        inputs = Math.max(inputs, 16);
        outputs = Math.max(outputs, 16);
        hash = new long[4 * rows];
        block = new long[rows];
        time = new long[rows];
        offset = new long[rows];
        index = new int[rows];
        chunk = new int[rows];
        line = new int[rows];
        length = new int[rows];
        coinbase = new byte[rows];
        firstInput = new int[rows + 1];
        firstOutput = new int[rows + 1];
        spent = new long[4 * inputs];
        inputValue = new long[inputs];
        vout = new int[inputs];
        inputFlags = new byte[inputs];
        inputAddressStart = new int[inputs + 1];
        inputAddress = new int[inputs];
        outputValue = new long[outputs];
        outputAddressStart = new int[outputs + 1];
        outputAddress = new int[outputs];
    }

    /** Empties the columns for the next chunk, keeping their arrays. */
    void clear() {
        rows = inputs = outputs = inputAddresses = outputAddresses = 0;
    }

    // --- writing a row ---

    /** Adds an address key to the input being written; returns its place, for {@link #setInputAddress}. */
    int inputAddress(int key) {
        if (inputAddresses == inputAddress.length) inputAddress = grow(inputAddress, inputAddresses + 1);
        inputAddress[inputAddresses] = key;
        return inputAddresses++;
    }

    /** Sets an address key written earlier (the scanner finds keys in batches, after the rows). */
    void setInputAddress(int place, int key) { inputAddress[place] = key; }

    void setOutputAddress(int place, int key) { outputAddress[place] = key; }

    /** Ends the input being written; {@code words} (four, from {@code at}) is its outpoint's txid. */
    void input(long[] words, int at, int spentVout, long value, byte flags) {
        if (inputs == vout.length) growInputs(inputs + 1);
        int i = inputs++;
        System.arraycopy(words, at, spent, 4 * i, 4);
        vout[i] = spentVout;
        inputValue[i] = value;
        inputFlags[i] = flags;
        inputAddressStart[i + 1] = inputAddresses;
    }

    int outputAddress(int key) {
        if (outputAddresses == outputAddress.length) outputAddress = grow(outputAddress, outputAddresses + 1);
        outputAddress[outputAddresses] = key;
        return outputAddresses++;
    }

    void output(long value) {
        if (outputs == outputValue.length) growOutputs(outputs + 1);
        int o = outputs++;
        outputValue[o] = value;
        outputAddressStart[o + 1] = outputAddresses;
    }

    /** Inputs and outputs written for the row in progress. */
    int pendingInputs() { return inputs - firstInput[rows]; }

    int pendingOutputs() { return outputs - firstOutput[rows]; }

    /** {@code isCoinbase}: 1 or 0. */
    void endRow(long[] words, int at, long blockNumber, int position, long seconds, int isCoinbase,
                int rowLine, long rowOffset, int rowLength) {
        if (rows == block.length) growRows(rows + 1);
        int r = rows++;
        System.arraycopy(words, at, hash, 4 * r, 4);
        block[r] = blockNumber;
        index[r] = position;
        time[r] = seconds;
        coinbase[r] = (byte) isCoinbase;
        line[r] = rowLine;
        offset[r] = rowOffset;
        length[r] = rowLength;
        firstInput[r + 1] = inputs;
        firstOutput[r + 1] = outputs;
    }

    void dropRow() {
        inputs = firstInput[rows];
        outputs = firstOutput[rows];
        inputAddresses = inputAddressStart[inputs];
        outputAddresses = outputAddressStart[outputs];
    }

    /** Adds a row the Jackson mappers read (addresses in canonical form). */
    void add(EtlTransaction t, LedgerAddresses keys, int rowLine) {
        long[] w = new long[4];
        for (EtlInput in : t.inputs()) {
            if (in.addresses() != null) for (String a : in.addresses()) inputAddress(keys.key(a));
            Txid s = in.spent();
            if (s != null) { w[0] = s.a(); w[1] = s.b(); w[2] = s.c(); w[3] = s.d(); }
            else Arrays.fill(w, 0);
            input(w, 0, in.vout(), in.value(), (byte) ((in.addresses() == null ? UNSTATED : 0) | (in.shielded() ? SHIELDED : 0)));
        }
        for (EtlOutput out : t.outputs()) {
            for (String a : out.addresses()) outputAddress(keys.key(a));
            output(out.value());
        }
        Txid h = t.hash();
        w[0] = h.a(); w[1] = h.b(); w[2] = h.c(); w[3] = h.d();
        endRow(w, 0, t.block(), (int) t.index(), t.time(), t.coinbase() ? 1 : 0, rowLine, t.place().offset(), t.place().length());
    }

    /** Appends another chunk's columns (its rows follow these in file order), their rows marked as of {@code chunkId}. */
    void append(TxColumns c, int chunkId) {
        int r = rows;
        append(c);
        Arrays.fill(chunk, r, rows, chunkId);
    }

    private void append(TxColumns c) {
        if (rows + c.rows > block.length) growRows(rows + c.rows);
        if (inputs + c.inputs > vout.length) growInputs(inputs + c.inputs);
        if (outputs + c.outputs > outputValue.length) growOutputs(outputs + c.outputs);
        if (inputAddresses + c.inputAddresses > inputAddress.length) inputAddress = grow(inputAddress, inputAddresses + c.inputAddresses);
        if (outputAddresses + c.outputAddresses > outputAddress.length) outputAddress = grow(outputAddress, outputAddresses + c.outputAddresses);
        int r = rows, n = c.rows;
        System.arraycopy(c.hash, 0, hash, 4 * r, 4 * n);
        System.arraycopy(c.block, 0, block, r, n);
        System.arraycopy(c.time, 0, time, r, n);
        System.arraycopy(c.offset, 0, offset, r, n);
        System.arraycopy(c.index, 0, index, r, n);
        System.arraycopy(c.line, 0, line, r, n);
        System.arraycopy(c.length, 0, length, r, n);
        System.arraycopy(c.coinbase, 0, coinbase, r, n);
        copyShifted(c.firstInput, firstInput, r, n, inputs);
        copyShifted(c.firstOutput, firstOutput, r, n, outputs);
        int i = inputs, m = c.inputs;
        System.arraycopy(c.spent, 0, spent, 4 * i, 4 * m);
        System.arraycopy(c.inputValue, 0, inputValue, i, m);
        System.arraycopy(c.vout, 0, vout, i, m);
        System.arraycopy(c.inputFlags, 0, inputFlags, i, m);
        copyShifted(c.inputAddressStart, inputAddressStart, i, m, inputAddresses);
        int o = outputs, p = c.outputs;
        System.arraycopy(c.outputValue, 0, outputValue, o, p);
        copyShifted(c.outputAddressStart, outputAddressStart, o, p, outputAddresses);
        System.arraycopy(c.inputAddress, 0, inputAddress, inputAddresses, c.inputAddresses);
        System.arraycopy(c.outputAddress, 0, outputAddress, outputAddresses, c.outputAddresses);
        rows += n;
        inputs += m;
        outputs += p;
        inputAddresses += c.inputAddresses;
        outputAddresses += c.outputAddresses;
    }

    /**
     * Appends start offsets: {@code to[at + k] = from[k] + shift} for k in 1..n. A method of its own, so that append
     * has no loop: a loop in it would have it compiled again for each loop while it runs (on-stack replacement).
     */
    private static void copyShifted(int[] from, int[] to, int at, int n, int shift) {
        for (int k = 1; k <= n; k++) to[at + k] = from[k] + shift;
    }

    // --- reading ---

    int size() { return rows; }

    int inputCount() { return inputs; }

    int outputCount() { return outputs; }

    long block(int r) { return block[r]; }

    int index(int r) { return index[r]; }

    long time(int r) { return time[r]; }

    boolean coinbase(int r) { return coinbase[r] != 0; }

    /** The txid's four words are {@code hashWords()[4 * r .. 4 * r + 4)}. */
    long[] hashWords() { return hash; }

    Txid hash(int r) { return new Txid(hash[4 * r], hash[4 * r + 1], hash[4 * r + 2], hash[4 * r + 3]); }

    RowPlace place(int r) { return new RowPlace(chunk[r], line[r], offset[r], length[r]); }

    int firstInput(int r) { return firstInput[r]; }

    int firstOutput(int r) { return firstOutput[r]; }

    /** The outpoints' txids: input i's four words are {@code spentWords()[4 * i .. 4 * i + 4)}. */
    long[] spentWords() { return spent; }

    Txid spent(int i) { return new Txid(spent[4 * i], spent[4 * i + 1], spent[4 * i + 2], spent[4 * i + 3]); }

    int vout(int i) { return vout[i]; }

    long inputValue(int i) { return inputValue[i]; }

    boolean shielded(int i) { return (inputFlags[i] & SHIELDED) != 0; }

    /** The input's {@code addresses} is null. */
    boolean unstated(int i) { return (inputFlags[i] & UNSTATED) != 0; }

    int inputAddressStart(int i) { return inputAddressStart[i]; }

    int inputAddressEnd(int i) { return inputAddressStart[i + 1]; }

    /** The address keys of all inputs, as {@link #inputAddressStart} indexes them. */
    int[] inputAddresses() { return inputAddress; }

    long outputValue(int o) { return outputValue[o]; }

    int outputAddressStart(int o) { return outputAddressStart[o]; }

    int outputAddressEnd(int o) { return outputAddressStart[o + 1]; }

    int[] outputAddresses() { return outputAddress; }

    /** Row {@code r} as the mappers would give it, addresses by name: for tests and for messages. */
    EtlTransaction row(int r, LedgerAddresses names) {
        EtlInput[] ins = new EtlInput[firstInput[r + 1] - firstInput[r]];
        for (int k = 0; k < ins.length; k++) {
            int i = firstInput[r] + k;
            String[] stated = unstated(i) ? null : names(inputAddress, inputAddressStart[i], inputAddressStart[i + 1], names);
            ins[k] = new EtlInput(shielded(i) ? null : spent(i), vout[i], inputValue[i], stated, shielded(i));
        }
        EtlOutput[] outs = new EtlOutput[firstOutput[r + 1] - firstOutput[r]];
        for (int k = 0; k < outs.length; k++) {
            int o = firstOutput[r] + k;
            outs[k] = new EtlOutput(outputValue[o], names(outputAddress, outputAddressStart[o], outputAddressStart[o + 1], names));
        }
        return new EtlTransaction(hash(r), block[r], index[r], time[r], coinbase(r), ins, outs, place(r));
    }

    static String[] names(int[] keys, int from, int to, LedgerAddresses names) {
        String[] out = new String[to - from];
        for (int k = from; k < to; k++) out[k - from] = names.name(keys[k]);
        return out;
    }

    // --- growth ---

    private static int[] grow(int[] a, int needed) {
        return Arrays.copyOf(a, Math.max(needed, a.length + (a.length >> 1)));
    }

    private void growRows(int needed) {
        int n = Math.max(needed, block.length + (block.length >> 1));
        hash = Arrays.copyOf(hash, 4 * n);
        block = Arrays.copyOf(block, n);
        time = Arrays.copyOf(time, n);
        offset = Arrays.copyOf(offset, n);
        index = Arrays.copyOf(index, n);
        chunk = Arrays.copyOf(chunk, n);
        line = Arrays.copyOf(line, n);
        length = Arrays.copyOf(length, n);
        coinbase = Arrays.copyOf(coinbase, n);
        firstInput = Arrays.copyOf(firstInput, n + 1);
        firstOutput = Arrays.copyOf(firstOutput, n + 1);
    }

    private void growInputs(int needed) {
        int n = Math.max(needed, vout.length + (vout.length >> 1));
        spent = Arrays.copyOf(spent, 4 * n);
        inputValue = Arrays.copyOf(inputValue, n);
        vout = Arrays.copyOf(vout, n);
        inputFlags = Arrays.copyOf(inputFlags, n);
        inputAddressStart = Arrays.copyOf(inputAddressStart, n + 1);
    }

    private void growOutputs(int needed) {
        int n = Math.max(needed, outputValue.length + (outputValue.length >> 1));
        outputValue = Arrays.copyOf(outputValue, n);
        outputAddressStart = Arrays.copyOf(outputAddressStart, n + 1);
    }
}
