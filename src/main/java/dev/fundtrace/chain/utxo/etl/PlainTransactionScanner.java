package dev.fundtrace.chain.utxo.etl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path for transactions rows as bitcoin-etl writes them: plain JSON (ASCII strings without escapes,
 * integer numbers) read straight from the bytes into {@link TxColumns}, as the Jackson mappers would read it.
 * A row it does not fully understand (an escape, a quoted number, BigQuery's date, a shielded input, a {@code
 * type} field, a repeated field, anything the mappers would refuse or any JSON it is unsure of) is dropped from
 * the columns again, and the row goes through the Jackson path, which decides it, and words any refusal, exactly
 * as before. One instance per thread; the address keys are shared.
 */
final class PlainTransactionScanner {

    /** Thrown to leave the fast path; carries nothing, so one instance serves. */
    private static final class NotPlain extends Exception {
        NotPlain() { super(null, null, false, false); }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final long ABSENT = EtlValues.ABSENT;
    private static final int MAX_DEPTH = 64;
    private static final long QUOTES = 0x2222222222222222L, BACKSLASHES = 0x5C5C5C5C5C5C5C5CL,
            SPACES = 0x2020202020202020L, HIGHS = 0x8080808080808080L;

    /** What a member's value is to the scanner: {@link #SKIP} is read as any JSON value and dropped. */
    private static final int SKIP = 0, HASH = 1, BLOCK = 2, TIME = 3, INDEX = 4, COINBASE = 5, INPUTS = 6, OUTPUTS = 7,
            INPUT_COUNT = 8, OUTPUT_COUNT = 9, ROW_TYPE = 10, SPENT = 11, VOUT = 12, VALUE = 13, ADDRESSES = 14,
            TEXT = 15, NUMBER = 16;
    private static final int ROW = 0, INPUT = 1, OUTPUT = 2;
    /** The members each level knows, in the order bitcoin-etl writes them; any other name is {@link #SKIP}. */
    private static final Member[][] MEMBERS = {
            Member.all("type", ROW_TYPE, "hash", HASH, "size", SKIP, "virtual_size", SKIP, "version", SKIP, "lock_time", SKIP,
                    "block_number", BLOCK, "block_hash", SKIP, "block_timestamp", TIME, "is_coinbase", COINBASE, "index", INDEX,
                    "inputs", INPUTS, "outputs", OUTPUTS, "input_count", INPUT_COUNT, "output_count", OUTPUT_COUNT,
                    "input_value", SKIP, "output_value", SKIP, "fee", SKIP),
            Member.all("index", SKIP, "spent_transaction_hash", SPENT, "spent_output_index", VOUT, "script_asm", SKIP,
                    "script_hex", TEXT, "sequence", SKIP, "required_signatures", NUMBER, "type", TEXT, "addresses", ADDRESSES,
                    "value", VALUE),
            Member.all("index", INDEX, "script_asm", SKIP, "script_hex", TEXT, "required_signatures", NUMBER, "type", TEXT,
                    "addresses", ADDRESSES, "value", VALUE)};
    private static final byte[] TRANSACTION = RowTypes.TRANSACTION.getBytes(StandardCharsets.US_ASCII);
    /** "true" and "false" as little-endian words */
    private static final long TRUE_WORD = ByteWords.word(Arrays.copyOf("true".getBytes(StandardCharsets.US_ASCII), 8), 0),
            FALSE_WORD = ByteWords.word(Arrays.copyOf("false".getBytes(StandardCharsets.US_ASCII), 8), 0);

    /** the addresses of the rows read since the last {@link #flush}, and where their keys go in the columns */
    private final AddressKeys.Batch addresses;
    private int[] addressPlace = new int[256];
    private final long[] hash = new long[4], spent = new long[4];
    private TxColumns out;
    /** per level, the member expected next: its place in {@link #MEMBERS} */
    private final int[] expected = new int[3];
    private byte[] d;
    private int at;
    /** the end of the last string read: {@code d[stringStart..stringEnd)} */
    private int stringStart, stringEnd;

    PlainTransactionScanner(AddressKeys addresses) {
        this.addresses = addresses.batch();
    }

    /**
     * Reads the row that starts at {@code data[from]} (a '{', leading blanks skipped) and ends its line, which ends
     * at a newline or at {@code limit}. Returns the end of the row (after its closing brace) with the row added to
     * {@code columns}, or -1 with the columns unchanged when the Jackson path must read it.
     */
    int scan(byte[] data, int from, int limit, TxColumns columns, int line, long fileOffset) {
        d = data;
        at = from;
        out = columns;
        int mark = addresses.size();
        try {
            transaction(from, limit, line, fileOffset);
            if (addresses.size() >= 512) flush(data, columns);
            return at;
        } catch (NotPlain | ArrayIndexOutOfBoundsException e) { // the latter: a row cut off at the end of the buffer
            columns.dropRow();
            addresses.truncate(mark);
            return -1;
        } finally {
            d = null;
            out = null;
        }
    }

    /**
     * Writes the keys of the addresses read since the last flush into {@code columns}; the rows' bytes must still
     * be in {@code data}. Called after a chunk's last row. Finding keys in batches lets their memory misses overlap.
     */
    void flush(byte[] data, TxColumns columns) {
        addresses.resolve(data);
        for (int p = 0; p < addresses.size(); p++) {
            int place = addressPlace[p];
            if (place >= 0) columns.setInputAddress(place, addresses.key(p));
            else columns.setOutputAddress(~place, addresses.key(p));
        }
        addresses.truncate(0);
    }

    private void transaction(int from, int limit, int line, long fileOffset) throws NotPlain {
        boolean hasHash = false, hasInputs = false, hasOutputs = false;
        int coinbase = 0;
        long block = ABSENT, time = ABSENT, index = ABSENT, inputCount = ABSENT, outputCount = ABSENT;
        expect('{');
        if (!emptyObject()) {
            expected[ROW] = 0;
            do {
                switch (member(ROW)) {
                    case HASH -> { hash(hash); hasHash = true; }
                    case BLOCK -> block = number();
                    case TIME -> time = number();
                    case INDEX -> index = smallNumber();
                    case COINBASE -> coinbase = bool();
                    case INPUTS -> {
                        if (hasInputs) throw NOT_PLAIN;
                        inputs();
                        hasInputs = true;
                    }
                    case OUTPUTS -> {
                        if (hasOutputs) throw NOT_PLAIN;
                        outputs();
                        hasOutputs = true;
                    }
                    case INPUT_COUNT -> inputCount = number();
                    case OUTPUT_COUNT -> outputCount = number();
                    case ROW_TYPE -> rowType();
                    default -> skipValue(0);
                }
            } while (nextMember());
        }
        int end = at;
        if (end > limit) throw NOT_PLAIN;
        space(limit);
        if (at < limit && d[at] != '\n') throw NOT_PLAIN; // text after the object: the mappers refuse it
        at = end;
        int ins = out.pendingInputs(), outs = out.pendingOutputs();
        if (!hasHash || block == ABSENT || !hasInputs || !hasOutputs) throw NOT_PLAIN;
        if (inputCount != ABSENT && inputCount != ins) throw NOT_PLAIN;
        if (outputCount != ABSENT && outputCount != outs) throw NOT_PLAIN;
        if ((coinbase ^ (ins - 1) >>> 31) != 0) throw NOT_PLAIN; // a coinbase, and only a coinbase, has no inputs
        out.endRow(hash, 0, block, (int) index, time, coinbase, line, fileOffset, end - from);
    }

    /**
     * A coinbase's inputs are {@code []}: the loop's own test ends them, so that a coinbase row (one in a block) takes
     * no branch of its own here. A branch the compiler never saw taken while the scanner warmed up is compiled as a
     * trap, and taking it later costs a recompilation of the whole row scan; so does {@link #bool}.
     */
    private void inputs() throws NotPlain {
        expect('[');
        space();
        for (int n = 0; d[at] != ']'; n++) {
            if (n > 0) {
                expect(',');
                space();
            }
            input();
            space();
        }
        at++;
    }

    private void input() throws NotPlain {
        boolean hasSpent = false, stated = false, seenAddresses = false;
        long vout = ABSENT, value = ABSENT;
        expect('{');
        if (!emptyObject()) {
            expected[INPUT] = 0;
            do {
                switch (member(INPUT)) {
                    case SPENT -> { hash(spent); hasSpent = true; }
                    case VOUT -> vout = smallNumber();
                    case VALUE -> value = number();
                    case ADDRESSES -> {
                        if (seenAddresses) throw NOT_PLAIN;
                        seenAddresses = true;
                        stated = addresses(true);
                    }
                    case TEXT -> textOrNull();
                    case NUMBER -> number();
                    default -> skipValue(0);
                }
            } while (nextMember());
        }
        // an input without an outpoint (shielded, or broken) is the Jackson path's to judge
        if (!hasSpent || vout == ABSENT) throw NOT_PLAIN;
        out.input(spent, 0, (int) vout, value, stated ? 0 : TxColumns.UNSTATED);
    }

    private void outputs() throws NotPlain {
        expect('[');
        if (emptyArray()) return;
        do output(out.pendingOutputs()); while (nextElement());
    }

    private void output(int position) throws NotPlain {
        long index = ABSENT, value = ABSENT;
        boolean seenAddresses = false;
        expect('{');
        if (!emptyObject()) {
            expected[OUTPUT] = 0;
            do {
                switch (member(OUTPUT)) {
                    case INDEX -> index = number();
                    case VALUE -> value = number();
                    case ADDRESSES -> {
                        if (seenAddresses) throw NOT_PLAIN;
                        seenAddresses = true;
                        addresses(false);
                    }
                    case TEXT -> textOrNull();
                    case NUMBER -> number();
                    default -> skipValue(0);
                }
            } while (nextMember());
        }
        if (index != position || value == ABSENT) throw NOT_PLAIN;
        out.output(value);
    }

    /** An array of address strings, added to the input or output being written (their keys come at the flush); false for null. */
    private boolean addresses(boolean ofInput) throws NotPlain {
        if (literal("null")) return false;
        expect('[');
        if (emptyArray()) return true;
        do {
            string();
            int p = addresses.add(stringStart, stringEnd);
            if (p == addressPlace.length) addressPlace = java.util.Arrays.copyOf(addressPlace, p * 2);
            addressPlace[p] = ofInput ? out.inputAddress(-1) : ~out.outputAddress(-1);
        } while (nextElement());
        return true;
    }

    // --- values ---

    /** 64 hex digits into four words. */
    private void hash(long[] words) throws NotPlain {
        string();
        if (!Txid.parse(d, stringStart, stringEnd - stringStart, words)) throw NOT_PLAIN;
    }

    /** A non-negative JSON integer that surely fits a long, or ABSENT for null; anything else leaves. */
    private long number() throws NotPlain {
        byte b = d[at];
        if (b == 'n') {
            if (literal("null")) return ABSENT;
            throw NOT_PLAIN;
        }
        if (b == '0') { at++; return 0; }
        int start = at;
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

    /**
     * true or false as 1 or 0, compared as one word without a branch for either (see {@link #inputs}); null and
     * anything else leave (null would be read as false, which is the mappers' call).
     */
    private int bool() throws NotPlain {
        if (at + 8 > d.length) {
            if (literal("true")) return 1;
            if (literal("false")) return 0;
            throw NOT_PLAIN;
        }
        long w = ByteWords.word(d, at);
        int isTrue = isZero((w & 0xFFFFFFFFL) ^ TRUE_WORD), isFalse = isZero((w & 0xFFFFFFFFFFL) ^ FALSE_WORD);
        if ((isTrue | isFalse) == 0) throw NOT_PLAIN;
        at += 5 - isTrue;
        return isTrue;
    }

    /** 1 when {@code x} is 0, else 0. */
    private static int isZero(long x) {
        return (int) ((x | -x) >>> 63 ^ 1);
    }

    private void textOrNull() throws NotPlain {
        if (!literal("null")) string();
    }

    /** A row's own type: the mappers accept "transaction" (or null) in a transactions file. */
    private void rowType() throws NotPlain {
        if (literal("null")) return;
        string();
        if (!is(stringStart, stringEnd - stringStart, TRANSACTION)) throw NOT_PLAIN;
    }

    // --- JSON structure ---

    /** A string of printable ASCII without escapes; sets stringStart and stringEnd. */
    private void string() throws NotPlain {
        if (d[at] != '"') throw NOT_PLAIN;
        int i = at + 1;
        // scripts make most of a row: eight bytes at a time, and the first byte that needs a look ends the loop
        for (int last = d.length - 8; i <= last; i += 8) {
            long special = special(ByteWords.word(d, i));
            if (special != 0) {
                i += Long.numberOfTrailingZeros(special) >>> 3;
                if (d[i] != '"') throw NOT_PLAIN; // a backslash, a control byte or a byte above ASCII
                stringStart = at + 1;
                stringEnd = i;
                at = i + 1;
                return;
            }
        }
        byte b;
        while ((b = d[i]) != '"') {
            if (b < 0x20 || b == '\\') throw NOT_PLAIN; // bytes of 0x80 and above are negative
            i++;
        }
        stringStart = at + 1;
        stringEnd = i;
        at = i + 1;
    }

    /**
     * The high bit of each byte of {@code w} that is a quote, a backslash, a control byte or above ASCII. A byte
     * above a flagged one may be flagged wrongly (a borrow), never the lowest: that one is always right.
     */
    private static long special(long w) {
        return (ByteWords.zeroBytes(w ^ QUOTES) | ByteWords.zeroBytes(w ^ BACKSLASHES) | ((w - SPACES) & ~w) | w) & HIGHS;
    }

    /**
     * Reads a member's name and colon at this level and gives what its value is. The member bitcoin-etl writes next
     * (or the one after it, when that one is absent) is recognised by comparing its quoted name and colon whole;
     * any other name is read as a string and looked up among the level's members, which gives the same answer.
     */
    private int member(int level) throws NotPlain {
        Member[] members = MEMBERS[level];
        space();
        int n = expected[level];
        for (int k = n; k < Math.min(n + 2, members.length); k++) {
            if (members[k].matches(d, at)) {
                at += members[k].literal.length;
                expected[level] = k + 1;
                space();
                return members[k].field;
            }
        }
        name();
        int field = SKIP;
        for (int k = 0; k < members.length; k++) {
            if (is(stringStart, stringEnd - stringStart, members[k].name)) {
                field = members[k].field;
                expected[level] = k + 1;
                break;
            }
        }
        colon();
        return field;
    }

    /** A member's name; returns its length. */
    private int name() throws NotPlain {
        space();
        string();
        return stringEnd - stringStart;
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

    /** As {@link #space()}, not beyond {@code limit}. */
    private void space(int limit) {
        byte b;
        while (at < limit && ((b = d[at]) == ' ' || b == '\t' || b == '\r')) at++;
    }

    private boolean is(int from, int length, byte[] name) {
        if (length != name.length) return false;
        for (int i = 0; i < length; i++) if (d[from + i] != name[i]) return false;
        return true;
    }

    /** A member name of one level, with its quoted form and colon as bitcoin-etl writes them ({@code "name": }). */
    private static final class Member {
        final byte[] name, literal;
        final int field;
        /** the literal as little-endian words, the last one masked */
        private final long[] words, masks;

        private Member(String name, int field) {
            this.name = name.getBytes(StandardCharsets.US_ASCII);
            this.literal = ("\"" + name + "\": ").getBytes(StandardCharsets.US_ASCII);
            this.field = field;
            int n = (literal.length + 7) / 8;
            words = new long[n];
            masks = new long[n];
            byte[] padded = java.util.Arrays.copyOf(literal, 8 * n);
            for (int i = 0; i < n; i++) {
                words[i] = ByteWords.word(padded, 8 * i);
                int bytes = Math.min(8, literal.length - 8 * i);
                masks[i] = bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
            }
        }

        static Member[] all(Object... nameAndField) {
            Member[] out = new Member[nameAndField.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = new Member((String) nameAndField[2 * i], (Integer) nameAndField[2 * i + 1]);
            return out;
        }

        /** Whether {@code d} holds the literal at {@code at}. */
        boolean matches(byte[] d, int at) {
            if (at + 8 * words.length > d.length) {
                return java.util.Arrays.equals(d, at, Math.min(d.length, at + literal.length), literal, 0, literal.length);
            }
            for (int i = 0; i < words.length; i++) if ((ByteWords.word(d, at + 8 * i) & masks[i]) != words[i]) return false;
            return true;
        }
    }
}
