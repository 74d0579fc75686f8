package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;

class IoExecutorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final IoExecutor io = new IoExecutor();

    @AfterEach
    void close() {
        io.close();
    }

    @Test
    void theTaskRunsOnMqIoAndItsResultArrivesOnTheEdt() throws InterruptedException {
        AtomicReference<String> taskThread = new AtomicReference<>();
        AtomicReference<Boolean> resultOnEdt = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        io.run(() -> {
            taskThread.set(Thread.currentThread().getName());
            return 42;
        }, r -> {
            resultOnEdt.set(SwingUtilities.isEventDispatchThread());
            result.set(r);
        }, failure -> { });
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(taskThread.get()).isEqualTo(IoExecutor.THREAD_NAME);
        assertThat(resultOnEdt.get()).isTrue();
        assertThat(result.get()).isEqualTo(42);
    }

    @Test
    void aQuickReadIsNotHeldUpByALongTaskOnTheSlowLane() throws InterruptedException {
        CountDownLatch longTaskRunning = new CountDownLatch(1);
        CountDownLatch releaseLongTask = new CountDownLatch(1);
        CountDownLatch quickDone = new CountDownLatch(1);
        AtomicReference<String> slowThread = new AtomicReference<>();
        io.runSlow(() -> {
            slowThread.set(Thread.currentThread().getName());
            longTaskRunning.countDown();
            return releaseLongTask.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }, r -> { }, f -> { });
        assertThat(longTaskRunning.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        io.run(() -> 1, r -> quickDone.countDown(), f -> { });
        assertThat(quickDone.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("the quick read ran while the long task still held its lane").isTrue();
        assertThat(io.awaitIdle(Duration.ofMillis(50))).as("idle counts the long task too").isFalse();
        releaseLongTask.countDown();
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(slowThread.get()).isEqualTo("mq-slow");
    }

    @Test
    void aFailureArrivesOnTheEdtWithItsErrno() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> onEdt = new AtomicReference<>();
        io.run(() -> {
            throw new MqException(Errno.EACCES, "mq_open", "/q");
        }, r -> { }, f -> {
            onEdt.set(SwingUtilities.isEventDispatchThread());
            failure.set(f);
        });
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(onEdt.get()).isTrue();
        assertThat(failure.get()).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
    }

    @Test
    void aNativeLibraryThatWillNotLoadIsAFailureNotACrash() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        io.run(() -> {
            throw new UnsatisfiedLinkError("no libc");
        }, r -> { }, failure::set);
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(failure.get()).isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void tasksRunInTheOrderTheyWereGiven() throws InterruptedException {
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            io.run(() -> n, order::add, f -> { });
        }
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(order).hasSize(20).isSorted();
    }

    @Test
    void awaitIdleAlsoWaitsForTasksStartedByAFollowUp() throws InterruptedException {
        AtomicReference<String> second = new AtomicReference<>();
        io.run(() -> "first", r -> io.run(() -> {
            Thread.sleep(100);
            return r + " then second";
        }, second::set, f -> { }), f -> { });
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(second.get()).isEqualTo("first then second");
    }

    @Test
    void awaitIdleGivesUpAtItsTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        io.run(() -> release.await(10, TimeUnit.SECONDS), r -> { }, f -> { });
        try {
            assertThat(io.awaitIdle(Duration.ofMillis(100))).isFalse();
        } finally {
            release.countDown();
        }
        assertThat(io.awaitIdle(WAIT)).isTrue();
    }
}
