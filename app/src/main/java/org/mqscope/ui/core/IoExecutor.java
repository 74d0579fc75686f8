package org.mqscope.ui.core;

import javax.swing.SwingUtilities;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place where the window's backend calls run: a single daemon thread named {@value #THREAD_NAME}. Each
 * task's result (or failure) is handed to the EDT. One thread keeps calls on one backend in the order the user
 * made them, so a refresh never overtakes the backend switch before it.
 */
public final class IoExecutor implements AutoCloseable {
    public static final String THREAD_NAME = "mq-io";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** Work for the mq-io thread; may block, may throw. */
    @FunctionalInterface
    public interface IoTask<T> {
        T call() throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true); // a stuck kernel call must not keep the JVM alive after the window closed
        return t;
    });
    private final Object idleLock = new Object();
    private int pending;

    /**
     * Runs {@code task} on mq-io, then {@code onSuccess} or {@code onFailure} on the EDT. Failures are exceptions
     * and linkage errors (a native library that will not load); other errors are not caught.
     */
    public <T> void run(IoTask<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        synchronized (idleLock) {
            pending++;
        }
        try {
            executor.execute(() -> {
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

    /** Runs what is queued (e.g. closing backends), then stops the thread; waits a little, never forever. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
