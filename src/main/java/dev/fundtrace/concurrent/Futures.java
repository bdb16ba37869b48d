package dev.fundtrace.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work handed to another thread, waited for as if it had run on this one. */
public final class Futures {
    private Futures() {}

    /** The future's value; its failure rethrown as it was thrown (not wrapped in a CompletionException). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
