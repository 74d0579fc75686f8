package org.mqscope.ui.core;

import javax.swing.SwingUtilities;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.mqscope.threads.Workers;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where the window's backend calls run, in two lanes of one daemon thread each (made by {@link Workers}): quick
 * calls on {@value #THREAD_NAME} ({@link #run}), long ones on mq-slow ({@link #runSlow}: drain-and-restore peeks,
 * recreate, stopping traffic, closing samplers and backends), so a quick read never waits behind a long task and
 * a long task never holds up the reads queued after it. Each lane keeps its calls in the order the user made them,
 * so a refresh never overtakes the backend switch before it. Each task's result (or failure) is handed to the EDT.
 * The window owns it: closing it lets both lanes finish what is queued.
 */
public final class IoExecutor implements AutoCloseable {
    public static final String THREAD_NAME = "mq-io";
    static {
        assert THREAD_NAME.equals(Workers.Intent.IO.threadName());
    }
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** Work for the mq-io thread; may block, may throw. */
    @FunctionalInterface
    public interface IoTask<T> {
        T call() throws Exception;
    }

    private final ExecutorService executor = Workers.single(Workers.Intent.IO);
    private final ExecutorService slow = Workers.single(Workers.Intent.SLOW);
    private final Object idleLock = new Object();
    private final Tasks tasks = new Tasks(this);
    private int pending;

    /**
     * Runs {@code task} on mq-io, then {@code onSuccess} or {@code onFailure} on the EDT. Failures are exceptions
     * and linkage errors (a native library that will not load); other errors are not caught.
     */
    public <T> void run(IoTask<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submit(executor, task, onSuccess, onFailure);
    }

    /** As {@link #run}, on the lane for long work (mq-slow), in order with the other long tasks. */
    public <T> void runSlow(IoTask<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submit(slow, task, onSuccess, onFailure);
    }

    /** The window's long tasks with progress and Cancel, run on these lanes. */
    public Tasks tasks() {
        return tasks;
    }

    /** As {@link #run}, on a lane its caller owns (the composer's mq-send), counted by {@link #awaitIdle}. */
    <T> void runOn(ExecutorService lane, IoTask<T> task, Consumer<? super T> onSuccess,
                   Consumer<? super Throwable> onFailure) {
        submit(lane, task, onSuccess, onFailure);
    }

    private <T> void submit(ExecutorService lane, IoTask<T> task, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
        synchronized (idleLock) {
            pending++;
        }
        try {
            lane.execute(() -> {
                Runnable followUp;
                try {
                    T result = task.call();
                    followUp = () -> onSuccess.accept(result);
                } catch (Exception | LinkageError e) {
                    followUp = () -> onFailure.accept(e);
                } catch (Error e) {
                    done();
                    throw e;
                }
                Runnable f = followUp;
                SwingUtilities.invokeLater(() -> {
                    try {
                        f.run();
                    } finally {
                        done();
                    }
                });
            });
        } catch (RuntimeException e) {
            done(); // rejected: the executor is closed
            throw e;
        }
    }

    private void done() {
        synchronized (idleLock) {
            pending--;
            idleLock.notifyAll();
        }
    }

    /**
     * Waits until every task and its EDT follow-up has run, including tasks those follow-ups started. Call off the
     * EDT (the follow-ups need it). Returns false on timeout.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        assert !SwingUtilities.isEventDispatchThread() : "awaitIdle would deadlock on the EDT";
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idleLock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idleLock, left);
            }
            return true;
        }
    }

    /** Runs what is queued in both lanes (e.g. closing backends), then stops; waits a little, never forever. */
    @Override
    public void close() {
        executor.shutdown();
        slow.shutdown();
        try {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            executor.awaitTermination(CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            slow.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
