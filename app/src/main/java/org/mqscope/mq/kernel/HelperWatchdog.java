package org.mqscope.mq.kernel;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mqscope.threads.Workers;

/**
 * Watches an mqpeek helper process for the thread that waits for its reply (a blocked pipe read cannot be
 * interrupted): every 50 ms, on one shared timer thread, it looks at the caller and the clock. When the caller is
 * interrupted it runs the owner's "on interrupt" action once (the peek kills the helper, the recorder closes its
 * stdin so the helper ends the stream cleanly); when the deadline has passed it kills the helper, and the blocked
 * read fails. {@link #fired()} then tells the caller why, so it can name the right errno.
 */
final class HelperWatchdog implements AutoCloseable {
    static final long TICK_MILLIS = 50;
    /** One daemon thread for every watchdog: a tick is a few field reads. */
    private static final ScheduledExecutorService TIMER = Workers.scheduled(Workers.Intent.HELPER_WATCHDOG);

    /** What the watchdog did. */
    enum Fired {
        NONE,
        /** The caller was interrupted and the "on interrupt" action ran. */
        INTERRUPTED,
        /** The deadline passed and the helper was killed. */
        TIMED_OUT
    }

    private final Process process;
    private final Thread caller;
    private final long deadlineNanos;
    private final Runnable onInterrupt;
    private final long startedNanos = System.nanoTime();
    private volatile Fired fired = Fired.NONE;
    private volatile boolean done;
    private volatile ScheduledFuture<?> ticks;

    private HelperWatchdog(Process process, Thread caller, long deadlineNanos, Runnable onInterrupt) {
        this.process = process;
        this.caller = caller;
        this.deadlineNanos = deadlineNanos;
        this.onInterrupt = onInterrupt;
        this.ticks = TIMER.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching {@code process} for the calling thread until {@link #close()}.
     *
     * @param deadlineNanos a {@link System#nanoTime()} after which the helper is killed; {@link Long#MAX_VALUE}: none
     */
    static HelperWatchdog watch(Process process, long deadlineNanos, Runnable onInterrupt) {
        return new HelperWatchdog(process, Thread.currentThread(), deadlineNanos, onInterrupt);
    }

    Fired fired() {
        return fired;
    }

    /** How long it has been watching, for a timeout's message. */
    long watchedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }

    private void tick() {
        if (done) {
            return;
        }
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            fired = Fired.TIMED_OUT;
            process.destroyForcibly();
            cancel();
        } else if (fired == Fired.NONE && caller.isInterrupted()) {
            fired = Fired.INTERRUPTED;
            onInterrupt.run(); // keeps ticking: the deadline still holds while the helper winds down
        }
    }

    @Override
    public void close() {
        done = true;
        cancel();
    }

    private void cancel() {
        ScheduledFuture<?> t = ticks; // null only if a tick came before the constructor ended
        if (t != null) {
            t.cancel(false);
        }
    }
}
