package io.opsstack.api.internal.engine;

import io.opsstack.api.error.OpsCancelledException;
import io.opsstack.api.operation.OperationDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs guard evaluations one after the other on the caller's thread or, for a definition whose guards only read
 * ({@link OperationDefinition#concurrentGuards()}), on a few threads at once; results come back in task order.
 * Each round trip to a cluster then costs once per batch instead of once per guard.
 */
final class GuardRunner {
    private static final int MAX_THREADS = 8;
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private GuardRunner() {
    }

    static <T> List<T> all(OperationDefinition<?> definition, List<Supplier<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        if (!definition.concurrentGuards() || tasks.size() < 2) {
            tasks.forEach(task -> results.add(task.get()));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_THREADS, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "opsstack-guard-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<T>> futures = new ArrayList<>(tasks.size());
            tasks.forEach(task -> futures.add(CompletableFuture.supplyAsync(task, pool)));
            for (CompletableFuture<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsCancelledException.interrupted("evaluating guards", e);
        } catch (ExecutionException e) {
            // guard failures are verdicts already; what arrives here is an error of the engine or the JVM
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
