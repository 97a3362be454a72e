package io.nianbao.parse.service;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parses off the Kafka event loop on a fixed number of threads, each task bounded in time by its own bound,
 * counted from when it is handed over: past it the stage fails with {@link TimeoutException} and the task is
 * interrupted (or never started, if it still waited for a thread).
 */
public final class BoundedWorker implements AutoCloseable {
    private final ExecutorService threads;

    public BoundedWorker(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "parse-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> CompletionStage<T> run(Callable<T> work, Duration bound) {
        FutureTask<T> task = new FutureTask<>(work);
        CompletableFuture<T> result = new CompletableFuture<>();
        threads.execute(() -> {
            task.run();
            try {
                result.complete(task.get());
            } catch (ExecutionException e) {
                result.completeExceptionally(e.getCause());
            } catch (CancellationException | InterruptedException e) {
                result.completeExceptionally(new TimeoutException("cancelled after " + bound));
            }
        });
        return result.orTimeout(bound.toNanos(), TimeUnit.NANOSECONDS).whenComplete((value, failure) -> {
            if (failure instanceof TimeoutException) {
                task.cancel(true);
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
