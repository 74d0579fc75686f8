package org.mqscope.mq.emulated;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * How long a blocked call of one queue spins for its hand-off before it parks. Waking a parked thread on another
 * core costs tens of microseconds on a VM (the idle vCPU halts); a peer that answers within the budget avoids that
 * on both sides. The budget adapts: a hand-off that came while spinning restores the full budget, a spin that ran
 * out halves it, down to nothing for a queue whose traffic is slower than the spin; every
 * {@link #RETRY_AFTER}th wait then tries the full budget again. An idle blocked caller parks after one spin, so it
 * costs no CPU. Racy on purpose: the budget is only a hint.
 */
final class SpinBudget {
    /** Spinning only helps when the thread that will hand over can run meanwhile on another core. */
    static final boolean CAN_HELP = Runtime.getRuntime().availableProcessors() > 1;
    /** Longest spin before parking: about one cross-core wake-up on a 2-vCPU VM. */
    private static final long MAX_NANOS = 50_000L;
    /** Below this the budget counts as exhausted: the call parks at once. */
    private static final long MIN_NANOS = 1_000L;
    /** Waits skipped without spinning before an exhausted budget is tried in full again. */
    private static final int RETRY_AFTER = 64;

    private long budget = MAX_NANOS;
    private int skipped;

    /**
     * Waits for {@code w}'s hand-off by spinning, without the queue's lock, for at most the current budget (never
     * past the deadline, never once interrupted); true if it came.
     */
    boolean spinFor(Waiter w, Instant deadline) {
        long b = budget;
        if (b < MIN_NANOS) {
            if (++skipped < RETRY_AFTER) {
                return false;
            }
            skipped = 0;
            b = MAX_NANOS;
        }
        if (deadline != null) {
            b = Math.min(b, remainingNanos(deadline));
        }
        long start = System.nanoTime();
        do {
            if (w.ready) {
                budget = MAX_NANOS;
                return true;
            }
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() - start < b);
        budget = b / 2;
        return w.ready;
    }

    /** Nanoseconds from now until an absolute wall-clock deadline, saturated. */
    static long remainingNanos(Instant deadline) {
        Instant now = Instant.now();
        long secs = deadline.getEpochSecond() - now.getEpochSecond();
        if (secs > TimeUnit.DAYS.toSeconds(365 * 100)) {
            return Long.MAX_VALUE;
        }
        return secs * 1_000_000_000L + (deadline.getNano() - now.getNano());
    }
}
