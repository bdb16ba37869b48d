package dev.fundtrace.chain.utxo.etl;

import java.util.Arrays;

/**
 * A chunk's accepted transactions rows kept as columns of primitives (and shared address Strings) until they are
 * linked. A row object lives only while it is parsed and again while its block is linked: kept whole for the
 * export, a million rows of small objects would make the collector copy them over and over.
 */
final class TxColumns {

    private static final String[] NO_ADDRESSES = new String[0];

    private int rows;
    private long[] hash = new long[4 * 64];
    private long[] block = new long[64], index = new long[64], time = new long[64];
    private boolean[] coinbase = new boolean[64];
    private int[] line = new int[64], length = new int[64];
    private long[] offset = new long[64];
    /** row r's inputs are [firstInput[r], firstInput[r + 1]); likewise its outputs */
    private int[] firstInput = new int[65], firstOutput = new int[65];

    private int inputs;
    private long[] spent = new long[4 * 64];
    private int[] vout = new int[64];
    private long[] inputValue = new long[64];
    private boolean[] shielded = new boolean[64];
    /** input i's addresses are [inputFrom[i], inputTo[i]) of {@link #addresses}, or null if unstated */
    private int[] inputFrom = new int[64], inputTo = new int[64];
    private boolean[] unstated = new boolean[64];

    private int outputs;
    private long[] outputValue = new long[64];
    private int[] outputFrom = new int[64], outputTo = new int[64];

    private int addressCount;
    private String[] addresses = new String[128];

    int size() { return rows; }

    long block(int row) { return block[row]; }

    Txid hash(int row) { return new Txid(hash[4 * row], hash[4 * row + 1], hash[4 * row + 2], hash[4 * row + 3]); }

    void add(EtlTransaction t) {
        if (rows == block.length) growRows();
        int r = rows++;
        Txid h = t.hash();
        hash[4 * r] = h.a(); hash[4 * r + 1] = h.b(); hash[4 * r + 2] = h.c(); hash[4 * r + 3] = h.d();
        block[r] = t.block();
        index[r] = t.index();
        time[r] = t.time();
        coinbase[r] = t.coinbase();
        line[r] = t.place().line();
        offset[r] = t.place().offset();
        length[r] = t.place().length();
        for (EtlInput in : t.inputs()) addInput(in);
        for (EtlOutput out : t.outputs()) addOutput(out);
        firstInput[r + 1] = inputs;
        firstOutput[r + 1] = outputs;
    }

    /** Row {@code r} as the mappers gave it, read back from the columns; {@code chunk} is this chunk's id. */
    EtlTransaction row(int r, int chunk) {
        EtlInput[] ins = new EtlInput[firstInput[r + 1] - firstInput[r]];
        for (int k = 0; k < ins.length; k++) ins[k] = input(firstInput[r] + k);
        EtlOutput[] outs = new EtlOutput[firstOutput[r + 1] - firstOutput[r]];
        for (int k = 0; k < outs.length; k++) {
            int o = firstOutput[r] + k;
            outs[k] = new EtlOutput(outputValue[o], addressList(outputFrom[o], outputTo[o]));
        }
        return new EtlTransaction(hash(r), block[r], index[r], time[r], coinbase[r], ins, outs,
                new RowPlace(chunk, line[r], offset[r], length[r]));
    }

    private EtlInput input(int i) {
        Txid txid = shielded[i] ? null : new Txid(spent[4 * i], spent[4 * i + 1], spent[4 * i + 2], spent[4 * i + 3]);
        String[] stated = unstated[i] ? null : addressList(inputFrom[i], inputTo[i]);
        return new EtlInput(txid, vout[i], inputValue[i], stated, shielded[i]);
    }

    private String[] addressList(int from, int to) {
        return from == to ? NO_ADDRESSES : Arrays.copyOfRange(addresses, from, to);
    }

    private void addInput(EtlInput in) {
        if (inputs == vout.length) growInputs();
        int i = inputs++;
        Txid s = in.spent();
        shielded[i] = s == null;
        if (s != null) { spent[4 * i] = s.a(); spent[4 * i + 1] = s.b(); spent[4 * i + 2] = s.c(); spent[4 * i + 3] = s.d(); }
        vout[i] = in.vout();
        inputValue[i] = in.value();
        unstated[i] = in.addresses() == null;
        inputFrom[i] = addressCount;
        if (in.addresses() != null) for (String a : in.addresses()) addAddress(a);
        inputTo[i] = addressCount;
    }

    private void addOutput(EtlOutput out) {
        if (outputs == outputValue.length) growOutputs();
        int o = outputs++;
        outputValue[o] = out.value();
        outputFrom[o] = addressCount;
        for (String a : out.addresses()) addAddress(a);
        outputTo[o] = addressCount;
    }

    private void addAddress(String a) {
        if (addressCount == addresses.length) addresses = Arrays.copyOf(addresses, addressCount * 2);
        addresses[addressCount++] = a;
    }

    private void growRows() {
        int n = block.length * 2;
        hash = Arrays.copyOf(hash, 4 * n);
        block = Arrays.copyOf(block, n);
        index = Arrays.copyOf(index, n);
        time = Arrays.copyOf(time, n);
        coinbase = Arrays.copyOf(coinbase, n);
        line = Arrays.copyOf(line, n);
        offset = Arrays.copyOf(offset, n);
        length = Arrays.copyOf(length, n);
        firstInput = Arrays.copyOf(firstInput, n + 1);
        firstOutput = Arrays.copyOf(firstOutput, n + 1);
    }

    private void growInputs() {
        int n = vout.length * 2;
        spent = Arrays.copyOf(spent, 4 * n);
        vout = Arrays.copyOf(vout, n);
        inputValue = Arrays.copyOf(inputValue, n);
        shielded = Arrays.copyOf(shielded, n);
        unstated = Arrays.copyOf(unstated, n);
        inputFrom = Arrays.copyOf(inputFrom, n);
        inputTo = Arrays.copyOf(inputTo, n);
    }

    private void growOutputs() {
        int n = outputValue.length * 2;
        outputValue = Arrays.copyOf(outputValue, n);
        outputFrom = Arrays.copyOf(outputFrom, n);
        outputTo = Arrays.copyOf(outputTo, n);
    }
}
