package dev.fundtrace.ledger.coin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IntMinHeapTest {

    @Test
    void pollsInAscendingOrderWhateverTheOrderOfAdding() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) values.add(i * 7);
        Collections.shuffle(values, new Random(14));
        IntMinHeap heap = new IntMinHeap(values.size());
        values.forEach(heap::add);
        List<Integer> polled = new ArrayList<>();
        while (!heap.isEmpty()) polled.add(heap.poll());
        assertThat(polled).isSorted().hasSize(1_000).startsWith(0, 7, 14).endsWith(6_993);
    }

    @Test
    void addingBetweenPollsKeepsTheSmallestOnTop() {
        IntMinHeap heap = new IntMinHeap(4);
        heap.add(5);
        heap.add(3);
        assertThat(heap.poll()).isEqualTo(3);
        heap.add(1);
        heap.add(9);
        assertThat(heap.poll()).isEqualTo(1);
        assertThat(heap.poll()).isEqualTo(5);
        assertThat(heap.poll()).isEqualTo(9);
        assertThat(heap.isEmpty()).isTrue();
    }
}
