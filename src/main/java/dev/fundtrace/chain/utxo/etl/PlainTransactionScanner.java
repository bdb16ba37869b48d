package dev.fundtrace.chain.utxo.etl;

import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for transactions rows as bitcoin-etl writes them: plain JSON (ASCII strings without escapes,
 * integer numbers) read straight from the bytes into the same {@link EtlTransaction} the Jackson mappers give.
 * A row it does not fully understand (an escape, a quoted number, BigQuery's date, a shielded input, a {@code
 * type} field, anything the mappers would refuse or any JSON it is unsure of) gives null, and the row goes
 * through the Jackson path, which decides it, and words any refusal, exactly as before. One instance per thread.
 */
final class PlainTransactionScanner {

    /** Thrown to leave the fast path; carries nothing, so one instance serves. */
    private static final class NotPlain extends Exception {
        NotPlain() { super(null, null, false, false); }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final EtlInput[] NO_INPUTS = new EtlInput[0];
    private static final EtlOutput[] NO_OUTPUTS = new EtlOutput[0];
    private static final String[] NO_ADDRESSES = new String[0];
    private static final long ABSENT = EtlValues.ABSENT;
    private static final int MAX_DEPTH = 64;

    private final AddressCache addresses;
    private final List<EtlInput> inputs = new ArrayList<>();
    private final List<EtlOutput> outputs = new ArrayList<>();
    private final List<String> stated = new ArrayList<>();
    private byte[] d;
    private int at;
    /** the end of the last string read: {@code d[stringStart..stringEnd)} */
    private int stringStart, stringEnd;

    PlainTransactionScanner(AddressCache addresses) {
        this.addresses = addresses;
    }

    /** The row at {@code data[from..to)} (trimmed, one line), or null when the Jackson path must read it. */
    EtlTransaction scan(byte[] data, int from, int to, RowPlace place) {
        d = data;
        at = from;
        try {
            EtlTransaction t = transaction(place);
            return at == to ? t : null;
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) { // the latter: a row cut off at the end of the buffer
            return null;
        } finally {
            d = null;
        }
    }

    private EtlTransaction transaction(RowPlace place) throws NotPlain {
        Txid hash = null;
        long block = ABSENT, time = ABSENT, index = ABSENT, inputCount = ABSENT, outputCount = ABSENT;
        boolean coinbase = false;
        EtlInput[] ins = null;
        EtlOutput[] outs = null;
        expect('{');
        if (!emptyObject()) {
            do {
                name();
                int n = stringStart, len = stringEnd - stringStart;
                colon();
                if (is(n, len, "hash")) hash = hash();
                else if (is(n, len, "block_number")) block = number();
                else if (is(n, len, "block_timestamp")) time = number();
                else if (is(n, len, "index")) index = smallNumber();
                else if (is(n, len, "is_coinbase")) coinbase = bool();
                else if (is(n, len, "inputs")) ins = inputs();
                else if (is(n, len, "outputs")) outs = outputs();
                else if (is(n, len, "input_count")) inputCount = number();
                else if (is(n, len, "output_count")) outputCount = number();
                else if (is(n, len, "type")) throw NOT_PLAIN;
                else skipValue(0);
            } while (nextMember());
        }
        if (hash == null || block == ABSENT || ins == null || outs == null) throw NOT_PLAIN;
        if (inputCount != ABSENT && inputCount != ins.length) throw NOT_PLAIN;
        if (outputCount != ABSENT && outputCount != outs.length) throw NOT_PLAIN;
        if (coinbase != (ins.length == 0)) throw NOT_PLAIN;
        return new EtlTransaction(hash, block, index, time, coinbase, ins, outs, place);
    }

    private EtlInput[] inputs() throws NotPlain {
        expect('[');
        if (emptyArray()) return NO_INPUTS;
        inputs.clear();
        do inputs.add(input()); while (nextElement());
        return inputs.toArray(NO_INPUTS);
    }

    private EtlInput input() throws NotPlain {
        Txid spent = null;
        long vout = ABSENT, value = ABSENT;
        String[] addressList = null;
        expect('{');
        if (!emptyObject()) {
            do {
                name();
                int n = stringStart, len = stringEnd - stringStart;
                colon();
                if (is(n, len, "spent_transaction_hash")) spent = hash();
                else if (is(n, len, "spent_output_index")) vout = smallNumber();
                else if (is(n, len, "value")) value = number();
                else if (is(n, len, "addresses")) addressList = addresses();
                else if (is(n, len, "type") || is(n, len, "script_hex")) textOrNull();
                else if (is(n, len, "required_signatures")) number();
                else skipValue(0);
            } while (nextMember());
        }
        // an input without an outpoint (shielded, or broken) is the Jackson path's to judge
        if (spent == null || vout == ABSENT) throw NOT_PLAIN;
        return new EtlInput(spent, (int) vout, value, addressList, false);
    }

    private EtlOutput[] outputs() throws NotPlain {
        expect('[');
        if (emptyArray()) return NO_OUTPUTS;
        outputs.clear();
        do outputs.add(output(outputs.size())); while (nextElement());
        return outputs.toArray(NO_OUTPUTS);
    }

    private EtlOutput output(int position) throws NotPlain {
        long index = ABSENT, value = ABSENT;
        String[] addressList = null;
        expect('{');
        if (!emptyObject()) {
            do {
                name();
                int n = stringStart, len = stringEnd - stringStart;
                colon();
                if (is(n, len, "index")) index = number();
                else if (is(n, len, "value")) value = number();
                else if (is(n, len, "addresses")) addressList = addresses();
                else if (is(n, len, "type") || is(n, len, "script_hex")) textOrNull();
                else if (is(n, len, "required_signatures")) number();
                else skipValue(0);
            } while (nextMember());
        }
        if (index != position || value == ABSENT) throw NOT_PLAIN;
        return new EtlOutput(value, addressList == null ? NO_ADDRESSES : addressList);
    }

    /** An array of address strings in canonical form, or null for null. */
    private String[] addresses() throws NotPlain {
        if (literal("null")) return null;
        expect('[');
        if (emptyArray()) return NO_ADDRESSES;
        String first = null;
        stated.clear();
        do {
            string();
            String a = addresses.canonical(d, stringStart, stringEnd);
            if (first == null) first = a;
            else {
                if (stated.isEmpty()) stated.add(first);
                stated.add(a);
            }
        } while (nextElement());
        return stated.isEmpty() ? new String[]{first} : stated.toArray(NO_ADDRESSES);
    }

    // --- values ---

    private Txid hash() throws NotPlain {
        string();
        Txid id = Txid.parse(d, stringStart, stringEnd - stringStart);
        if (id == null) throw NOT_PLAIN;
        return id;
    }

    /** A non-negative JSON integer that surely fits a long, or ABSENT for null; anything else leaves. */
    private long number() throws NotPlain {
        if (literal("null")) return ABSENT;
        int start = at;
        byte b = d[at];
        if (b == '0') { at++; return 0; }
        long v = 0;
        while (b >= '0' && b <= '9') {
            v = v * 10 + (b - '0');
            b = d[++at];
        }
        if (at == start || at - start > 18) throw NOT_PLAIN;
        return v;
    }

    private int smallNumber() throws NotPlain {
        long v = number();
        if (v > Integer.MAX_VALUE) throw NOT_PLAIN;
        return (int) v;
    }

    /** true or false; null and anything else leave (null would be read as false, which is the mappers' call). */
    private boolean bool() throws NotPlain {
        if (literal("true")) return true;
        if (literal("false")) return false;
        throw NOT_PLAIN;
    }

    private void textOrNull() throws NotPlain {
        if (!literal("null")) string();
    }

    // --- JSON structure ---

    /** A string of printable ASCII without escapes; sets stringStart and stringEnd. */
    private void string() throws NotPlain {
        if (d[at] != '"') throw NOT_PLAIN;
        int i = at + 1;
        // scripts make most of a row: eight bytes at a time while none of them needs a look
        while (i + 8 <= d.length && plainWord(ByteWords.word(d, i))) i += 8;
        byte b;
        while ((b = d[i]) != '"') {
            if (b < 0x20 || b == '\\') throw NOT_PLAIN; // bytes of 0x80 and above are negative
            i++;
        }
        stringStart = at + 1;
        stringEnd = i;
        at = i + 1;
    }

    /** Whether none of the eight bytes is a quote, a backslash, a control byte or above ASCII. */
    private static boolean plainWord(long w) {
        long special = ByteWords.zeroBytes(w ^ 0x2222222222222222L) | ByteWords.zeroBytes(w ^ 0x5C5C5C5C5C5C5C5CL)
                | ((w - 0x2020202020202020L) & ~w) | w;
        return (special & 0x8080808080808080L) == 0;
    }

    private void name() throws NotPlain {
        space();
        string();
    }

    private void colon() throws NotPlain {
        space();
        expect(':');
        space();
    }

    /** After a member: true when a comma follows, false at the closing brace. */
    private boolean nextMember() throws NotPlain {
        space();
        byte b = d[at++];
        if (b == ',') return true;
        if (b == '}') return false;
        throw NOT_PLAIN;
    }

    /** After an element: true when a comma follows, false at the closing bracket. */
    private boolean nextElement() throws NotPlain {
        space();
        byte b = d[at++];
        if (b == ',') { space(); return true; }
        if (b == ']') return false;
        throw NOT_PLAIN;
    }

    private boolean emptyObject() {
        space();
        if (d[at] != '}') return false;
        at++;
        return true;
    }

    private boolean emptyArray() {
        space();
        if (d[at] != ']') return false;
        at++;
        return true;
    }

    private void skipValue(int depth) throws NotPlain {
        if (depth > MAX_DEPTH) throw NOT_PLAIN;
        byte b = d[at];
        switch (b) {
            case '"' -> string();
            case '{' -> {
                at++;
                if (emptyObject()) return;
                do { name(); colon(); skipValue(depth + 1); } while (nextMember());
            }
            case '[' -> {
                at++;
                if (emptyArray()) return;
                do skipValue(depth + 1); while (nextElement());
            }
            case 't' -> { if (!literal("true")) throw NOT_PLAIN; }
            case 'f' -> { if (!literal("false")) throw NOT_PLAIN; }
            case 'n' -> { if (!literal("null")) throw NOT_PLAIN; }
            default -> skipNumber();
        }
    }

    /** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void skipNumber() throws NotPlain {
        if (d[at] == '-') at++;
        if (d[at] == '0') at++;
        else if (!digits()) throw NOT_PLAIN;
        if (d[at] == '.') { at++; if (!digits()) throw NOT_PLAIN; }
        if (d[at] == 'e' || d[at] == 'E') {
            at++;
            if (d[at] == '+' || d[at] == '-') at++;
            if (!digits()) throw NOT_PLAIN;
        }
    }

    private boolean digits() {
        int start = at;
        while (d[at] >= '0' && d[at] <= '9') at++;
        return at > start;
    }

    private boolean literal(String word) {
        for (int i = 0; i < word.length(); i++) if (d[at + i] != word.charAt(i)) return false;
        at += word.length();
        return true;
    }

    private void expect(char c) throws NotPlain {
        if (d[at] != c) throw NOT_PLAIN;
        at++;
    }

    private void space() {
        byte b;
        // no newline: a row is one line, and stopping there keeps the scan inside it
        while ((b = d[at]) == ' ' || b == '\t' || b == '\r') at++;
    }

    private boolean is(int from, int length, String name) {
        if (length != name.length()) return false;
        for (int i = 0; i < length; i++) if (d[from + i] != name.charAt(i)) return false;
        return true;
    }
}
