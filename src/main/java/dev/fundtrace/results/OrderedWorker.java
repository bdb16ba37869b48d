package dev.fundtrace.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks one after the other on a thread of its own, in the order they were given, so that the thread giving
 * them goes on meanwhile (the flag step's second core). The queue is bounded: a giver that gets ahead waits, and
 * what waits in the queue stays small. The first failure stops the thread and is thrown to the giver.
 */
final class OrderedWorker implements AutoCloseable {

    /** A task that may fail as a file write does. */
    interface Task { void run() throws IOException; }

    private static final Task END = () -> { };

    private final String name;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(4096);
    private Thread thread;
    private volatile Throwable failure;

    OrderedWorker(String name) {
        this.name = name;
    }

    /** Queues {@code task} behind those given before. */
    void submit(Task task) {
        if (thread == null) start();
        rethrow();
        try {
            while (!queue.offer(task, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) throw new IllegalStateException(name + " stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing work to " + name, e);
        }
    }

    /** Waits until every task given so far has run; throws the first failure. The worker takes no more tasks. */
    void finish() {
        if (thread == null) return;
        if (thread.isAlive()) submit(END);
        join();
        rethrow();
    }

    private void start() {
        thread = new Thread(() -> {
            try {
                for (Task t = queue.take(); t != END; t = queue.take()) t.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof IOException e) throw new UncheckedIOException(e);
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    /** Stops the thread once what was given has run, without throwing what failed (the caller's own failure counts). */
    @Override
    public void close() {
        if (thread == null || !thread.isAlive()) return;
        queue.clear(); // what is left is not wanted any more
        try {
            while (thread.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        join();
    }
}
