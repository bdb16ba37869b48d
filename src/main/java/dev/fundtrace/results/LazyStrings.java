package dev.fundtrace.results;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list of texts kept as the bytes {@link RecordBytes#writeStrings} wrote and decoded on first use: a report's
 * pass reads every flag, but most flags' evidence is only copied or counted, and a night whose flags' renderings
 * are copied decodes only the evidence of the flags its page shows.
 */
final class LazyStrings extends AbstractList<String> implements RandomAccess {

    private final byte[] bytes;
    private final int size;
    private String[] decoded;

    /** @param bytes each text as its length (an int, -1 for null) and its UTF-8 bytes, {@code size} of them */
    LazyStrings(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return decoded()[index];
    }

    @Override
    public int size() { return size; }

    private String[] decoded() {
        if (decoded == null) {
            String[] out = new String[size];
            int at = 0;
            for (int i = 0; i < size; i++) {
                int n = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
                at += 4;
                if (n >= 0) {
                    out[i] = new String(bytes, at, n, StandardCharsets.UTF_8);
                    at += n;
                }
            }
            decoded = out;
        }
        return decoded;
    }
}
