package dev.fundtrace.chain.utxo.etl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes of an array read as one long, to test them all at once (SWAR) on the scan's hot loops. */
final class ByteWords {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;

    private ByteWords() {}

    static long word(byte[] data, int at) {
        return (long) WORDS.get(data, at);
    }

    /** High bit set in each byte of {@code w} that is zero (and maybe in higher ones): zero when none is. */
    static long zeroBytes(long w) {
        return (w - ONES) & ~w & HIGHS;
    }

    /** The first index of {@code b} in {@code data[from..to)}, or {@code to}. */
    static int indexOf(byte[] data, int from, int to, byte b) {
        long pattern = ONES * (b & 0xFF);
        int i = from;
        while (i + 8 <= to && zeroBytes(word(data, i) ^ pattern) == 0) i += 8;
        while (i < to && data[i] != b) i++;
        return i;
    }
}
