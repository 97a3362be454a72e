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
 * Runs parses off the Kafka event loop on a fixed number of threads, each bounded in time: past its timeout the
 * stage fails with {@link TimeoutException} and the task is interrupted.
 */
public final class BoundedWorker implements AutoCloseable {
    private final ExecutorService threads;
    private final Duration timeout;

    public BoundedWorker(int threads, Duration timeout) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "parse-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timeout = timeout;
    }

    public <T> CompletionStage<T> run(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        CompletableFuture<T> result = new CompletableFuture<>();
        threads.execute(() -> {
            task.run();
            try {
                result.complete(task.get());
            } catch (ExecutionException e) {
                result.completeExceptionally(e.getCause());
            } catch (CancellationException | InterruptedException e) {
                result.completeExceptionally(new TimeoutException("cancelled after " + timeout));
            }
        });
        return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((value, failure) -> {
            if (failure instanceof TimeoutException) {
                task.cancel(true);
            }
        });
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
