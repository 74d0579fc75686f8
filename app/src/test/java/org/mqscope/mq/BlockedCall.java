package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue call made on a thread of its own, so that a test can watch it block and then release it. The thread
 * records its kernel task directory first: a thread blocked in a system call looks RUNNABLE to Java, so the kernel
 * fixture asks /proc where it sleeps.
 */
final class BlockedCall<T> {
    /** Longest a test waits for a released call to finish; the calls themselves carry shorter deadlines. */
    static final long FINISH_SECONDS = 15;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Path task;

    private BlockedCall(Callable<T> body) {
        thread = new Thread(() -> run(body), "mqt-" + NEXT.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new thread and returns once that thread is running. */
    static <T> BlockedCall<T> start(Callable<T> body) {
        BlockedCall<T> call = new BlockedCall<>(body);
        call.thread.start();
        try {
            if (!call.started.await(FINISH_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("thread did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return call;
    }

    private void run(Callable<T> body) {
        try {
            task = Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self")));
        } catch (IOException | UnsupportedOperationException e) {
            task = null;
        }
        started.countDown();
        try {
            result.complete(body.call());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    Thread thread() {
        return thread;
    }

    /** /proc/&lt;pid&gt;/task/&lt;tid&gt; of the thread, or null where /proc/thread-self does not exist. */
    Path task() {
        return task;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** The call's result, waiting up to {@link #FINISH_SECONDS}; fails the test if the call failed or hangs. */
    T get() {
        try {
            return result.get(FINISH_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("call still blocked after " + FINISH_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The errno the call failed with, waiting up to {@link #FINISH_SECONDS}; fails the test if it succeeded. */
    Errno errno() {
        try {
            T value = result.get(FINISH_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("call succeeded with " + value + " instead of failing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MqException mq) {
                return mq.errno();
            }
            throw new AssertionError("call failed with " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("call still blocked after " + FINISH_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the call to end however it ends; true if it did within the time. */
    boolean awaitEnd(long millis) {
        try {
            result.handle((v, t) -> null).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | InterruptedException e) {
            return result.isDone();
        }
    }

    @Override
    public String toString() {
        return thread.getName() + (result.isDone() ? " (done: " + result + ")" : " (running)");
    }
}
