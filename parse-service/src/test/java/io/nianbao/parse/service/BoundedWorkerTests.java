package io.nianbao.parse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each task is bounded by its own bound. Tasks block on latches: no test depends on how fast anything runs. */
class BoundedWorkerTests {
    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofHours(1);

    private final BoundedWorker worker = new BoundedWorker(2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        worker.close();
    }

    @Test
    void taskPastItsOwnBoundTimesOutWhileALongerBudgetedOneRunsOn() {
        CompletableFuture<String> shortTask = worker.run(this::waitForRelease, SHORT).toCompletableFuture();
        CompletableFuture<String> longTask = worker.run(this::waitForRelease, LONG).toCompletableFuture();

        assertThatThrownBy(shortTask::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(longTask).isNotDone();

        release.countDown();
        assertThat(longTask.join()).isEqualTo("done");
    }

    @Test
    void timedOutTaskIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<String> task = worker.run(() -> {
            try {
                return waitForRelease();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, SHORT).toCompletableFuture();

        assertThatThrownBy(task::join).hasCauseInstanceOf(TimeoutException.class);
        // Generous: it only keeps a broken worker from hanging the build.
        assertThat(interrupted.await(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void taskWhoseBoundPassesWhileItWaitsForAThreadNeverRuns() {
        BoundedWorker oneThread = new BoundedWorker(1);
        try {
            CompletableFuture<String> busy = oneThread.run(this::waitForRelease, LONG).toCompletableFuture();
            AtomicBoolean ran = new AtomicBoolean();
            CompletableFuture<Boolean> queued = oneThread.run(() -> ran.getAndSet(true), SHORT).toCompletableFuture();

            assertThatThrownBy(queued::join).hasCauseInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(busy.join()).isEqualTo("done");
            // The worker's only thread has finished the task after the queued one: the queued one was skipped.
            assertThat(oneThread.run(ran::get, LONG).toCompletableFuture().join()).isFalse();
        } finally {
            oneThread.close();
        }
    }

    private String waitForRelease() throws InterruptedException {
        release.await();
        return "done";
    }
}
