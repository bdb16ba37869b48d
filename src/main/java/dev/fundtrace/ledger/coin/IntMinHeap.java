package dev.fundtrace.ledger.coin;

/**
 * A min-heap of distinct ints with a fixed capacity: Kahn's ready set, without a boxed Integer per entry (the coin
 * ledger's spend order, the resolver's order of a block's transactions).
 */
public final class IntMinHeap {

    private final int[] heap;
    private int size;

    public IntMinHeap(int capacity) {
        heap = new int[capacity];
    }

    public boolean isEmpty() { return size == 0; }

    public void add(int v) {
        int i = size++;
        while (i > 0 && heap[(i - 1) / 2] > v) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = v;
    }

    /** Removes and returns the smallest. */
    public int poll() {
        int top = heap[0], last = heap[--size];
        int i = 0;
        while (2 * i + 1 < size) {
            int c = 2 * i + 1;
            if (c + 1 < size && heap[c + 1] < heap[c]) c++;
            if (heap[c] >= last) break;
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = last;
        return top;
    }
}
