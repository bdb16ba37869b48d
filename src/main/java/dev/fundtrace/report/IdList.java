package dev.fundtrace.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Short ASCII strings (flag ids) kept as bytes in one growing array: a night whose flags are all new lists
 * hundreds of thousands of ids in changes.newFlagIds, which as String objects would cost five times the bytes.
 */
public final class IdList {

    private byte[] bytes = new byte[1024];
    private int[] ends = new int[64];
    private int size, used;

    public static IdList of(List<String> ids) {
        IdList list = new IdList();
        ids.forEach(list::add);
        return list;
    }

    public void add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        if (size == ends.length) ends = Arrays.copyOf(ends, size * 2);
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        ends[size++] = used;
    }

    public int size() { return size; }

    public String get(int i) {
        int start = i == 0 ? 0 : ends[i - 1];
        return new String(bytes, start, ends[i] - start, StandardCharsets.UTF_8);
    }

    public void forEach(Consumer<String> each) {
        for (int i = 0; i < size; i++) each.accept(get(i));
    }

    /** The first {@code n} (or fewer) as strings. */
    public List<String> first(int n) {
        List<String> out = new ArrayList<>(Math.min(n, size));
        for (int i = 0; i < Math.min(n, size); i++) out.add(get(i));
        return out;
    }
}
